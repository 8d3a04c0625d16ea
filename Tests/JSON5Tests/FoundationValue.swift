import Foundation
import JSON5

/// A value as Foundation's `JSONDecoder` reads it, for cross-checking.
///
/// On Linux `JSONSerialization.ReadingOptions` has no `.json5Allowed`, so `JSONDecoder`
/// with `allowsJSON5` is Foundation's only JSON5 reader there. The decoder is strict about
/// types, so a bool never passes for a number (the NSNumber pitfall of `JSONSerialization`).
indirect enum FoundationValue: Decodable, CustomStringConvertible {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([FoundationValue])
    case object([String: FoundationValue])

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: Decoder) throws {
        if let container = try? decoder.container(keyedBy: Key.self) {
            var members: [String: FoundationValue] = [:]
            for key in container.allKeys {
                members[key.stringValue] = try container.decode(FoundationValue.self, forKey: key)
            }
            self = .object(members)
            return
        }
        if var container = try? decoder.unkeyedContainer() {
            var elements: [FoundationValue] = []
            while !container.isAtEnd {
                elements.append(try container.decode(FoundationValue.self))
            }
            self = .array(elements)
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else {
            self = .double(try container.decode(Double.self))
        }
    }

    /// Decodes `text` the way Foundation reads JSON5, or nil if Foundation rejects it.
    ///
    /// A line feed is appended because this Foundation reads past the end of the input when
    /// a JSON5 number ends the document: `227175.` trapped in `JSON5Scanner.validateNumber`
    /// and `-379.521484375` came back as -379, depending on the memory after the buffer.
    static func json5(_ text: String) -> FoundationValue? {
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        return try? decoder.decode(FoundationValue.self, from: Data((text + "\n").utf8))
    }

    /// True when `value` holds the same data. With `nonFiniteAsStrings`, a non-finite number
    /// of ours matches the string `jsonText` writes for it.
    func matches(_ value: JSON5Value, nonFiniteAsStrings: Bool = false) -> Bool {
        switch (self, value) {
        case (.null, .null):
            return true
        case let (.bool(lhs), .bool(rhs)):
            return lhs == rhs
        case let (.integer(lhs), .number(rhs)):
            return rhs.integer == lhs
        case let (.double(lhs), .number(rhs)):
            return lhs == rhs.double || (lhs.isNaN && rhs.double.isNaN)
        case let (.string(lhs), .number(rhs)) where nonFiniteAsStrings && !rhs.double.isFinite:
            return lhs == (rhs.double.isNaN ? "NaN" : rhs.double < 0 ? "-Infinity" : "Infinity")
        case let (.string(lhs), .string(rhs)):
            return lhs == rhs
        case let (.array(lhs), .array(rhs)):
            return lhs.count == rhs.count
                && zip(lhs, rhs).allSatisfy { $0.matches($1.value, nonFiniteAsStrings: nonFiniteAsStrings) }
        case let (.object(lhs), .object(rhs)):
            return lhs.count == rhs.count
                && rhs.allSatisfy { member in
                    lhs[member.key]?.matches(member.value.value, nonFiniteAsStrings: nonFiniteAsStrings) ?? false
                }
        default:
            return false
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .integer(let integer): "\(integer)"
        case .double(let double): "\(double)"
        case .string(let string): string.debugDescription
        case .array(let elements): "\(elements)"
        case .object(let members): "\(members.sorted { $0.key < $1.key })"
        }
    }
}

/// SplitMix64: a tiny deterministic generator so that random tests replay exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
