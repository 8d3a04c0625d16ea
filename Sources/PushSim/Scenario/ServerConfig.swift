import DiscreteEvent

/// What a server does with a device's older pending request when a newer one from the same
/// single-connection device starts on a thread (MODEL.md §3.5).
public enum NewerRequestPolicy: String, Hashable, Sendable, CaseIterable {
    /// Answer the older request with HTTP 409 and free its thread (Notes Traveler).
    case conflict409
    /// Answer the older Ping 200 / Status 1 and free its thread (Z-Push).
    case expire200
    /// No detection: the older Ping holds its thread until its heartbeat ends.
    case ignore
}

/// A graceful restart (MODEL.md §3.5): from `at` the server refuses new requests with 503
/// and waits up to `drainTimeout` for held requests, resets the rest, stays down for
/// `downtime` and comes back with an empty pool.
public struct Restart: Hashable, Sendable {
    public var at: SimTime
    public var drainTimeout: SimTime
    public var downtime: SimTime
    public init(at: SimTime, drainTimeout: SimTime = .minutes(10), downtime: SimTime = .minutes(2)) {
        self.at = at
        self.drainTimeout = drainTimeout
        self.downtime = downtime
    }
}

/// A server product, as a preset of the settings that tell products apart (MODEL.md §2,
/// "Server presets"). A scenario names the product; every key it gives still wins.
public enum ServerKind: String, Hashable, Sendable, CaseIterable {
    /// HCL/IBM Notes Traveler on Domino: a Ping holds an HTTP thread for its whole life,
    /// an abandoned Ping is answered 409 [Domino HTTP defaults; Traveler 8.5].
    case traveler
    /// Exchange on IIS: Pings are parked without a thread, an abandoned Ping is answered
    /// 200 (logged `Error:PingCollisionDetected`) [ASP.NET `maxConcurrentRequestsPerCPU`
    /// and `requestQueueLimit` 5000; Exchange's heartbeat bounds 60 s … 3540 s].
    case exchange
    /// Z-Push on Apache prefork: every Ping holds a process, and looks for mail and for a
    /// newer request only every 30 s [`MaxRequestWorkers` 150 in Debian's
    /// `mpm_prefork.conf`; Z-Push `PING_INTERVAL` 30 s].
    case zpush
}

/// One mail server and its HTTP thread pool (MODEL.md §2, "Server").
public struct ServerConfig: Hashable, Sendable {
    /// Name, used for per-server results in a pool.
    public var name: String = "server"
    /// The product whose defaults the other settings started from.
    public var kind: ServerKind = .traveler
    /// HTTP worker threads [Domino "Number active threads" default 40].
    public var threads: Int = 40
    /// Requests that may wait for a thread; beyond it a request gets 503 at once.
    public var queueLimit: Int = 1000
    /// A pending Ping occupies a thread for its whole life (Traveler 8.5); `false` models
    /// an asynchronous server that parks Pings after `pingWork`.
    public var pingHoldsThread: Bool = true
    /// Ping heartbeats outside these bounds get Status 5 with the bound [Traveler: 30 s … 15 min].
    public var heartbeatMin: SimTime = .seconds(30)
    public var heartbeatMax: SimTime = .minutes(15)
    /// What happens to an abandoned Ping when the same device's newer request starts.
    public var onNewerRequest: NewerRequestPolicy = .conflict409
    /// How often a waiting Ping looks for new mail and for a newer request of its device,
    /// from its start [Z-Push `PING_INTERVAL` 30 s]; zero: it reacts at once.
    public var checkInterval: SimTime = .zero
    /// Thread time to process a Ping.
    public var pingWork: DurationDistribution = .constant(.milliseconds(5))
    /// Thread time to process a Sync [Traveler 8.5.1 logs: 75–300 ms].
    public var syncWork: DurationDistribution = try! .lognormal(median: .milliseconds(150), p95: .milliseconds(300))
    /// Graceful restarts, in time order.
    public var restarts: [Restart] = []
    /// Share of the scenario's devices on this server, in a pool (normalised over servers).
    public var share: Double = 1

    public init(name: String = "server") { self.name = name }

    /// A server with the defaults of `kind` (MODEL.md §2, "Server presets").
    public init(name: String = "server", kind: ServerKind) {
        self.name = name
        self.kind = kind
        switch kind {
        case .traveler:
            break   // the defaults above are Traveler's
        case .exchange:
            threads = 5_000
            queueLimit = 5_000
            pingHoldsThread = false
            heartbeatMin = .seconds(60)
            heartbeatMax = .seconds(3_540)
            onNewerRequest = .expire200
        case .zpush:
            threads = 150
            queueLimit = 1_000
            (heartbeatMin, heartbeatMax) = Self.unboundedHeartbeats
            onNewerRequest = .expire200
            checkInterval = .seconds(30)
        }
    }

    /// The bounds of a server that accepts any heartbeat (Z-Push): no Ping ever gets
    /// Status 5. Written `heartbeatBounds: "none"` in a scenario file.
    public static let unboundedHeartbeats: (SimTime, SimTime) = (SimTime(microseconds: 1), .days(36_500))

    /// True when some heartbeat would get Status 5.
    public var hasHeartbeatBounds: Bool {
        (heartbeatMin, heartbeatMax) != Self.unboundedHeartbeats
    }
}
