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
    /// A lognormal's quantile function at `tableSize + 1` evenly spaced probabilities.
    var quantiles: UnsafeMutablePointer<Double>? = nil
    static var tableSize: Int { 4096 }
    var count: Int = 0
    /// The largest value it can give, in microseconds (+∞ when unbounded).
    var upperBound: Double
    /// The value of a constant, in whole microseconds (for the draw-free fast path).
    var constantMicros: Int64 = 0

    init(_ d: DurationDistribution, tables: inout SamplerTables) {
        switch d.distribution {
        case .constant(let v): kind = .constant; a = v; upperBound = v
        case .exponential(let mean): kind = .exponential; a = mean; upperBound = .infinity
        case .uniform(let low, let high): kind = .uniform; a = low; b = high; upperBound = high
        case .lognormal(let l):
            kind = .lognormal; a = l.mu; b = l.sigma; upperBound = .infinity
            let n = Self.tableSize
            quantiles = tables.store((0...n).map { i in
                i == 0 || i == n ? 0 : exp(l.mu + l.sigma * NormalQuantile.of(Double(i) / Double(n)))
            })
        case .choice(let c):
            kind = .choice
            count = c.values.count
            values = tables.store(c.values)
            var running = 0.0
            cumulative = tables.store(c.weights.map { running += $0; return running })
            a = running
            upperBound = c.values.max() ?? 0
        }
        if kind == .constant { constantMicros = a <= 0 ? 0 : Int64(a + 0.5) }
    }

    /// One sample in whole microseconds (never negative). A constant uses no draw.
    @inline(__always)
    func sample(_ random: inout CounterStream) -> Int64 {
        let v: Double
        switch kind {
        case .constant: return constantMicros
        case .exponential: v = random.exponential(mean: a)
        case .uniform: v = a + (b - a) * random.nextUnit()
        case .lognormal:
            // Inversion by table in the body (interpolation error below 1e-5 relative),
            // exactly in the tails, where the quantile function curves too fast for a table.
            let u = random.nextOpenUnit()
            if u > 0.02 && u < 0.98 {
                let x = u * Double(Self.tableSize)
                let i = Int(x)
                let f = x - Double(i)
                v = quantiles![i] + f * (quantiles![i + 1] - quantiles![i])
            } else {
                v = exp(a + b * NormalQuantile.of(u))
            }
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
