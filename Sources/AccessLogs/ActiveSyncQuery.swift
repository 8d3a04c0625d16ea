/// The parts of an ActiveSync request URI that the figures need: the path test, the plain
/// query (`Cmd=Ping&User=…&DeviceId=…&DeviceType=…`, Exchange's `Log=` tokens) and the
/// base64-encoded query of MS-ASHTTP §2.2.1.1.1.1 (byte 0 protocol version, byte 1 command
/// code, bytes 2–3 locale, byte 4 device-ID length then the ID, a policy-key length and key,
/// a device-type length and type, then tag–length–value command parameters, tag 8 = User).
///
/// Values keep the bytes as logged; percent escapes are decoded (into `scratch`) only when a
/// value holds a `%`. Binary device IDs of the base64 form (GUIDs) are shown in hex.
enum ActiveSyncQuery {
    /// Whether `path` (the URI, with or without query) contains `Microsoft-Server-ActiveSync`
    /// (ASCII case-insensitively, as IIS matches it).
    @inline(__always)
    static func isActiveSyncPath(_ b: UnsafeRawBufferPointer, from: Int, to: Int) -> Bool {
        if Bytes.find("Microsoft-Server-ActiveSync", in: b, from: from, to: to) != nil { return true }
        // Rare spellings (lower case) are checked by the slow path.
        return Bytes.find("icrosoft-server-activesync", in: b, from: from, to: to) != nil
            || Bytes.find("ICROSOFT-SERVER-ACTIVESYNC", in: b, from: from, to: to) != nil
    }

    /// Fills `r.command`, `user`, `deviceID`, `deviceType`, the log tokens from the query
    /// `b[from..<to]` (without the `?`). `user` is left as it is when the query has none.
    static func parse(_ b: UnsafeRawBufferPointer, from: Int, to: Int, into r: inout ParsedRequest, scratch: Scratch) {
        r.command = .other
        var sawCommand = false
        var i = from
        while i < to {
            let amp = Bytes.find(UInt8(ascii: "&"), in: b, from: i, to: to)
            let eq = Bytes.find(UInt8(ascii: "="), in: b, from: i, to: amp)
            if eq < amp {
                let key = Bytes.slice(b, i, eq)
                let value = Bytes.slice(b, eq + 1, amp)
                switch key.count {
                case 3:
                    if Bytes.equalsIgnoringCase(key, "Cmd") { r.command = ActiveSyncCommand(bytes: value); sawCommand = true }
                    else if Bytes.equalsIgnoringCase(key, "Log") { logTokens(value, into: &r) }
                case 4:
                    if Bytes.equalsIgnoringCase(key, "User") { r.user = scratch.decoded(value, slot: 0) }
                case 8:
                    if Bytes.equalsIgnoringCase(key, "DeviceId") { r.deviceID = scratch.decoded(value, slot: 1) }
                case 10:
                    if Bytes.equalsIgnoringCase(key, "DeviceType") { r.deviceType = scratch.decoded(value, slot: 2) }
                default:
                    break
                }
            } else if i == from && !sawCommand && looksBase64(b, from: i, to: amp) {
                // A first part without "=" is the base64 form (it may end in "=" padding,
                // which the search above stops at; so the check is on the whole part).
                base64(b, from: i, to: amp, into: &r, scratch: scratch)
                sawCommand = true
            }
            i = amp + 1
        }
        if !sawCommand, let first = firstPart(b, from: from, to: to), looksBase64(b, from: from, to: first) {
            base64(b, from: from, to: first, into: &r, scratch: scratch)
        }
    }

    /// The end of the first `&`-separated part, when it ends in `=` padding (so the loop
    /// above took it for `key=`): nil otherwise.
    static func firstPart(_ b: UnsafeRawBufferPointer, from: Int, to: Int) -> Int? {
        let amp = Bytes.find(UInt8(ascii: "&"), in: b, from: from, to: to)
        guard amp > from, b[amp - 1] == UInt8(ascii: "=") else { return nil }
        return amp
    }

    static func looksBase64(_ b: UnsafeRawBufferPointer, from: Int, to: Int) -> Bool {
        guard to - from >= 8 else { return false }
        for i in from..<to where Base64.value(b[i]) < 0 && b[i] != UInt8(ascii: "=") && b[i] != UInt8(ascii: "%") { return false }
        return true
    }

    /// `Hb<seconds>` (after the start or a `_`) and `PingCollisionDetected` anywhere.
    static func logTokens(_ v: UnsafeRawBufferPointer, into r: inout ParsedRequest) {
        var i = 0
        let n = v.count
        while let at = Bytes.find("Hb", in: v, from: i, to: n) {
            if at == 0 || v[at - 1] == UInt8(ascii: "_") {
                var j = at + 2
                var seconds: Int32 = 0
                while j < n, v[j] &- Bytes.zero <= 9, seconds < 1_000_000 {
                    seconds = seconds * 10 + Int32(v[j] &- Bytes.zero)
                    j += 1
                }
                if j > at + 2 { r.heartbeatSeconds = seconds; break }
            }
            i = at + 2
        }
        if Bytes.find("PingCollisionDetected", in: v, from: 0, to: n) != nil { r.pingCollision = true }
    }

    /// Decodes the base64 query `b[from..<to]` into the scratch space and reads its fields.
    /// A query too short for its own lengths leaves the command `other`.
    static func base64(_ b: UnsafeRawBufferPointer, from: Int, to: Int, into r: inout ParsedRequest, scratch: Scratch) {
        let text = scratch.decoded(Bytes.slice(b, from, to), slot: 3)
        guard let bytes = scratch.base64Decoded(text) else { return }
        let n = bytes.count
        guard n >= 5 else { return }
        r.command = ActiveSyncCommand(base64Code: bytes[1])
        var i = 4
        let idLength = Int(bytes[i])
        i += 1
        guard i + idLength <= n else { r.command = .other; return }
        r.deviceID = scratch.printable(Bytes.slice(bytes, i, i + idLength), slot: 5)
        i += idLength
        guard i < n else { return }
        i += 1 + Int(bytes[i])                       // policy key length and key
        guard i < n else { return }
        let typeLength = Int(bytes[i])
        i += 1
        guard i + typeLength <= n else { return }
        r.deviceType = Bytes.slice(bytes, i, i + typeLength)
        i += typeLength
        while i + 2 <= n {                           // command parameters: tag, length, value
            let tag = bytes[i], length = Int(bytes[i + 1])
            i += 2
            guard i + length <= n else { return }
            if tag == 8 { r.user = Bytes.slice(bytes, i, i + length) }
            i += length
        }
    }
}

/// Base64 (RFC 4648 standard alphabet, `=` padding optional).
enum Base64 {
    static let table: [Int8] = {
        var t = [Int8](repeating: -1, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { t[Int(c)] = Int8(i) }
        return t
    }()

    @inline(__always) static func value(_ c: UInt8) -> Int { Int(table[Int(c)]) }

    /// `bytes` in base64 with padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var i = 0
        while i + 3 <= bytes.count {
            let v = Int(bytes[i]) << 16 | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2])
            out += [alphabet[v >> 18 & 63], alphabet[v >> 12 & 63], alphabet[v >> 6 & 63], alphabet[v & 63]]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let v = Int(bytes[i]) << 16
            out += [alphabet[v >> 18 & 63], alphabet[v >> 12 & 63], UInt8(ascii: "="), UInt8(ascii: "=")]
        } else if rest == 2 {
            let v = Int(bytes[i]) << 16 | Int(bytes[i + 1]) << 8
            out += [alphabet[v >> 18 & 63], alphabet[v >> 12 & 63], alphabet[v >> 6 & 63], UInt8(ascii: "=")]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
