/// How much memory a run of a scenario needs, estimated from the scenario alone, so that a
/// run that cannot fit is refused before anything is allocated.
///
/// The figures are peak resident memory measured with `/usr/bin/time -v` on release builds
/// (`pushsim run` of one population of iPhones with every default, 2 simulated hours):
/// 22.3 MB for the process itself; 289 bytes per device between 100,000 and 1,000,000
/// devices (the device record, its request slots, its pending events and outbox items);
/// 291 bytes per time-series sample (the row, and its line of `timeseries.csv` while it is
/// written); 267 kB per population on a server (its histograms, fixed size). Each is
/// rounded up a little, so the estimate errs on the large side.
///
/// The servers of a pool run one after the other, so the devices count for the largest
/// server only; every server's time series is kept to the end.
public struct MemoryEstimate: Hashable, Sendable {
    public static let processBytes = 24 << 20
    public static let bytesPerDevice = 300
    public static let bytesPerSample = 300
    public static let bytesPerPopulation = 280 << 10
    public static let bytesPerServer = 128 << 10

    /// Devices on the largest server.
    public var largestServerDevices: Int
    public var devices: Int
    /// Time-series rows, over every server.
    public var samples: Int
    /// Memory one run works in while it simulates (without the process and the time series).
    public var workingBytes: Int
    /// Memory a finished run keeps until it is written (its time series).
    public var retainedBytes: Int

    /// The process, one run working and its time series.
    public var bytes: Int { Self.processBytes.addingClamped(workingBytes).addingClamped(retainedBytes) }

    /// `concurrent` runs working at once, with `retained` of them kept until the end.
    public func bytes(concurrent: Int, retained: Int) -> Int {
        Self.processBytes.addingClamped(workingBytes.multipliedClamped(max(1, concurrent)))
            .addingClamped(retainedBytes.multipliedClamped(max(1, retained)))
    }

    /// True when the time series, not the devices, takes most of the memory.
    public var samplesDominate: Bool { retainedBytes > workingBytes }
}

extension Scenario {
    /// Time-series rows one server writes: one per `sampleInterval` of the duration (none
    /// when the interval is not positive).
    public var samplesPerServer: Int {
        guard sampleInterval > .zero else { return 0 }
        let d = duration.microseconds, s = sampleInterval.microseconds
        return Int(d / s + (d % s == 0 ? 0 : 1))
    }

    /// The estimate for one run of this scenario (see `MemoryEstimate`). Complexity: O(servers × populations).
    public var memoryEstimate: MemoryEstimate {
        let servers = max(1, self.servers.count)
        var largest = 0
        var working = 0
        for index in 0..<servers {
            let devices = self.servers.isEmpty ? deviceCount
                : Simulation.devicesOn(server: index, self).reduce(0) { $0 + $1.0.count }
            let queue = self.servers.isEmpty ? 0 : min(self.servers[index].queueLimit, 2 * devices + 16)
            let bytes = devices.multipliedClamped(MemoryEstimate.bytesPerDevice)
                .addingClamped(populations.count.multipliedClamped(MemoryEstimate.bytesPerPopulation))
                .addingClamped(MemoryEstimate.bytesPerServer)
                .addingClamped(queue.multipliedClamped(MemoryLayout<Int32>.stride))
            largest = max(largest, devices)
            working = max(working, bytes)
        }
        let samples = samplesPerServer.multipliedClamped(servers)
        return MemoryEstimate(largestServerDevices: largest, devices: deviceCount, samples: samples,
                              workingBytes: working,
                              retainedBytes: samples.multipliedClamped(MemoryEstimate.bytesPerSample))
    }
}

extension Int {
    /// `self + other`, or `Int.max` instead of overflowing.
    func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }

    /// `self × other`, or `Int.max` instead of overflowing (both non-negative).
    func multipliedClamped(_ other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? .max : product
    }
}
