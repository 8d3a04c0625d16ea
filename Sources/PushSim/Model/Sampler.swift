import DiscreteEvent
import Foundation

/// A `DurationDistribution` flattened into plain values for the event loop: sampling it
/// copies no references. A weighted list's tables live in `SamplerTables`.
struct Sampler {
    enum Kind: UInt8 { case constant, exponential, uniform, lognormal, choice }
    var kind: Kind
    var a: Double = 0
    var b: Double = 0
    var values: UnsafeMutablePointer<Double>? = nil
    var cumulative: UnsafeMutablePointer<Double>? = nil
    var count: Int = 0
    /// The largest value it can give, in microseconds (+∞ when unbounded).
    var upperBound: Double

    init(_ d: DurationDistribution, tables: inout SamplerTables) {
        switch d.distribution {
        case .constant(let v): kind = .constant; a = v; upperBound = v
        case .exponential(let mean): kind = .exponential; a = mean; upperBound = .infinity
        case .uniform(let low, let high): kind = .uniform; a = low; b = high; upperBound = high
        case .lognormal(let l): kind = .lognormal; a = l.mu; b = l.sigma; upperBound = .infinity
        case .choice(let c):
            kind = .choice
            count = c.values.count
            values = tables.store(c.values)
            var running = 0.0
            cumulative = tables.store(c.weights.map { running += $0; return running })
            a = running
            upperBound = c.values.max() ?? 0
        }
    }

    var isConstant: Bool { kind == .constant }

    /// One sample in whole microseconds (never negative). A constant uses no draw.
    @inline(__always)
    func sample(_ random: inout CounterStream) -> Int64 {
        let v: Double
        switch kind {
        case .constant: v = a
        case .exponential: v = random.exponential(mean: a)
        case .uniform: v = a + (b - a) * random.nextUnit()
        case .lognormal: v = exp(a + b * NormalQuantile.of(random.nextOpenUnit()))
        case .choice:
            let target = random.nextUnit() * a
            var i = 0
            while i < count - 1 && target >= cumulative![i] { i += 1 }
            v = values![i]
        }
        return v <= 0 ? 0 : Int64(v + 0.5)   // round half up, without a libm call
    }
}

/// Owns the tables of weighted-list samplers for the lifetime of a simulation.
struct SamplerTables: ~Copyable {
    private var blocks: [UnsafeMutablePointer<Double>] = []
    init() {}
    mutating func store(_ values: [Double]) -> UnsafeMutablePointer<Double> {
        let p = UnsafeMutablePointer<Double>.allocate(capacity: max(1, values.count))
        p.initialize(from: values, count: values.count)
        blocks.append(p)
        return p
    }
    deinit { for b in blocks { b.deallocate() } }
}
