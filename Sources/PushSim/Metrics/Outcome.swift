import DiscreteEvent

/// What one population did on one server, ready to merge across servers and populations.
struct Accumulated {
    var metrics: PopulationMetrics
    var devices = 0
    var pushDevices = 0
    /// Radio energy per device per day, in microjoules.
    var energyPerDay = LogHistogram()
    var batteryPercentSum = 0.0
    /// Devices by final heartbeat (µs), push devices only.
    var finalHeartbeats: [Int64: Int] = [:]
    var outboxPendingAges = LogHistogram()
    var outboxPendingAtEnd = 0
    /// Mail that arrived after warmup and is not on its device at the end; the arrival of
    /// the oldest such mail (µs).
    var undeliveredMail = 0
    var oldestUndelivered = Int64.max
    /// The end of the run (µs), for ages at the end.
    var end: Int64 = 0

    mutating func merge(_ o: Accumulated) {
        metrics.merge(o.metrics)
        devices += o.devices
        pushDevices += o.pushDevices
        energyPerDay.merge(o.energyPerDay)
        batteryPercentSum += o.batteryPercentSum
        finalHeartbeats.merge(o.finalHeartbeats, uniquingKeysWith: +)
        outboxPendingAges.merge(o.outboxPendingAges)
        outboxPendingAtEnd += o.outboxPendingAtEnd
        undeliveredMail += o.undeliveredMail
        oldestUndelivered = min(oldestUndelivered, o.oldestUndelivered)
        end = max(end, o.end)
    }
}

/// Everything a finished single-server run hands back.
struct ServerOutcome {
    var name: String
    var populations: [Accumulated]
    var threads: TimeWeighted
    var queue: TimeWeighted
    var capacity: Int
    var timeseries: [TimeseriesRow]
    var restarts: [RestartFigures]
    var events: Int
}

extension ServerRun {
    /// Scans the devices for the end-of-run figures and packages the run's results.
    mutating func outcome(name: String, populations: [Population]) -> ServerOutcome {
        let measuredDays = Double(end - warmup) / 86_400e6
        var accumulated: [Accumulated] = []
        for i in 0..<populationCount { accumulated.append(Accumulated(metrics: metrics[i].snapshot(end: end))) }
        let serverThreads = threads.finish(at: end), serverQueue = queueLength.finish(at: end)
        if populationCount == 1 {   // its levels were not tracked apart (`populationLevels`)
            accumulated[0].metrics.threads = serverThreads
            accumulated[0].metrics.queue = serverQueue
        }
        for d in 0..<deviceCount {
            let population = Int(devices[d].population)
            let p = pops + population
            accumulated[population].devices += 1
            let joulesPerDay = measuredDays > 0 ? devices[d].radio.joules / measuredDays : 0
            accumulated[population].energyPerDay.add(Int64((joulesPerDay * 1e6).rounded()))
            accumulated[population].batteryPercentSum += joulesPerDay / populations[population].batteryJoules * 100
            if p.pointee.push {
                accumulated[population].pushDevices += 1
                accumulated[population].finalHeartbeats[devices[d].heartbeat, default: 0] += 1
            }
            outboxFinalFigures(d, into: &accumulated[population])
            undeliveredMail(d, into: &accumulated[population])
        }
        for i in accumulated.indices { accumulated[i].end = end }
        return ServerOutcome(name: name, populations: accumulated, threads: serverThreads,
                             queue: serverQueue,
                             capacity: pool.capacity, timeseries: timeseries,
                             restarts: restartFigures(server: name), events: events)
    }
}

extension ServerRun {
    /// Counts the device's mail that arrived after warmup and has not reached it, replaying
    /// its arrival stream from the delivery cursor (as `deliverMail` does).
    func undeliveredMail(_ d: Int, into a: inout Accumulated) {
        let dev = devices + d
        guard dev.pointee.mailArrived > dev.pointee.mailDelivered else { return }
        let p = pops + Int(dev.pointee.population)
        var index = dev.pointee.mailDelivered &+ 1
        var arrival = dev.pointee.mailCursorAt
        while index <= dev.pointee.mailArrived {
            if arrival >= warmup {
                a.undeliveredMail += 1
                a.oldestUndelivered = min(a.oldestUndelivered, arrival)
            }
            var mail = p.pointee.stream(.mail, device: localIndex(d), counter: index)
            arrival = p.pointee.mail.next(after: arrival, &mail)
            index &+= 1
        }
    }
}

extension Figures {
    /// Figures from accumulated metrics. `threads`, `queue`, `capacity` and `fullFraction`
    /// are a server's (`Simulation.makeSummary` passes, for a population, the server it runs
    /// on; for the pool, or a population on several servers, the first server's levels with
    /// the capacity summed over the servers and the mean full fraction, and then
    /// `sumLevels` replaces the levels by their sums).
    init(_ a: Accumulated, threads: TimeWeighted, queue: TimeWeighted, capacity: Int,
         fullFraction: Double, measuredSeconds: Double) {
        let m = a.metrics
        let seconds = 1e-6
        pings.status2 = m.status2
        pings.status1 = m.status1
        pings.conflict409 = m.conflict409
        pings.status5 = m.status5
        pings.lost = m.lost
        pings.rejected503 = m.rejected503
        pings.reset = m.reset
        pings.superseded = m.superseded
        pings.total = m.status2 + m.status1 + m.conflict409 + m.status5 + m.rejected503 + m.reset
        if pings.total > 0 { pings.share409 = Double(m.conflict409) / Double(pings.total) }
        httpStatus = [(200, m.http200), (409, m.http409), (503, m.http503)]

        self.threads.capacity = capacity
        self.threads.mean = threads.mean
        self.threads.p50 = threads.quantile(0.5)
        self.threads.p95 = threads.quantile(0.95)
        self.threads.p99 = threads.quantile(0.99)
        self.threads.max = Int(threads.maximum)
        self.threads.fullFraction = fullFraction
        self.queue.meanLength = queue.mean
        self.queue.maxLength = Int(queue.maximum)
        if !m.queueWait.isEmpty {   // else no request started: no wait to describe
            self.queue.waitP50 = m.queueWait.quantile(0.5) * seconds
            self.queue.waitP95 = m.queueWait.quantile(0.95) * seconds
            self.queue.waitP99 = m.queueWait.quantile(0.99) * seconds
            self.queue.waitMean = m.queueWait.mean * seconds
            self.queue.waitedShare = 1 - Double(m.queueWait.weight(atMost: 0)) / Double(m.queueWait.totalWeight)
        }

        pingDuration = DurationFigures(m.pingDuration)
        syncDuration = DurationFigures(m.syncDuration)
        syncs.total = m.syncs
        syncs.timeouts = m.syncTimeouts
        syncs.rejected503 = m.syncRejected503
        syncs.reset = m.syncReset

        let delivered = m.byPush + m.byUserOpen + m.byFetch + m.byOutbox + m.afterLostPing
        pushLatency.mailArrived = m.mailArrived
        pushLatency.delivered = delivered
        pushLatency.undelivered = a.undeliveredMail
        if a.undeliveredMail > 0 { pushLatency.undeliveredAgeMax = Double(a.end - a.oldestUndelivered) * seconds }
        pushLatency.bins = m.pushLatency.coarseBins(perOctave: 4).map {
            HistogramBin(low: Double($0.low) * seconds, high: Double($0.high) * seconds, count: Int($0.weight))
        }
        if delivered > 0 {
            pushLatency.mean = m.pushLatency.mean * seconds
            pushLatency.p50 = m.pushLatency.quantile(0.5) * seconds
            pushLatency.p95 = m.pushLatency.quantile(0.95) * seconds
            pushLatency.p99 = m.pushLatency.quantile(0.99) * seconds
            let n = Double(delivered)
            pushLatency.byPush = Double(m.byPush) / n
            pushLatency.byUserOpen = Double(m.byUserOpen) / n
            pushLatency.byFetch = Double(m.byFetch) / n
            pushLatency.byOutbox = Double(m.byOutbox) / n
            pushLatency.afterLostPing = Double(m.afterLostPing) / n
        }

        let days = measuredSeconds / 86_400
        if a.devices > 0 {
            battery.joulesPerDeviceDay = a.energyPerDay.mean * 1e-6
            battery.joulesPerDeviceDayP95 = a.energyPerDay.quantile(0.95) * 1e-6
            battery.percentPerDay = a.batteryPercentSum / Double(a.devices)
            if days > 0 { battery.radioActiveSecondsPerDay = m.radioActiveMicros * seconds / Double(a.devices) / days }
        }
        if a.pushDevices > 0 && measuredSeconds > 0 {
            heartbeat.meanSeconds = Double(m.heartbeatIntegral) / (Double(a.pushDevices) * measuredSeconds * 1e6) * seconds
        }
        for (h, n) in a.finalHeartbeats { heartbeat.final[Double(h) * seconds, default: 0] += n }

        outbox.created = m.outboxCreated
        outbox.delivered = m.outboxDelivered
        outbox.duplicates = m.outboxDuplicates
        outbox.conflicts = m.outboxConflicts
        outbox.permanentErrors = m.outboxPermanentErrors
        outbox.resent = m.outboxResent
        outbox.pendingAtEnd = a.outboxPendingAtEnd
        outbox.acknowledged = m.outboxAcknowledged
        // Pending age: items that resolved (how long they were Pending) and items still
        // Pending at the end (their age then).
        var ages = m.outboxPendingAge
        ages.merge(a.outboxPendingAges)
        if !ages.isEmpty {
            outbox.pendingAgeP95 = ages.quantile(0.95) * seconds
            outbox.pendingAgeMax = Double(ages.max) * seconds
        }
        if !m.outboxDeliveryDelay.isEmpty {
            outbox.deliveryDelayMean = m.outboxDeliveryDelay.mean * seconds
            outbox.deliveryDelayP95 = m.outboxDeliveryDelay.quantile(0.95) * seconds
        }
    }
}

extension Figures {
    /// Levels of a group spread over servers simulated apart (`parts`, one per server):
    /// the means add up; the quantiles and maxima of a sum cannot be derived from the
    /// parts', so they do not exist (see `ThreadFigures`).
    mutating func sumLevels(threads: [TimeWeighted], queue: [TimeWeighted]) {
        self.threads.mean = threads.map(\.mean).reduce(0, +)
        self.threads.p50 = nil
        self.threads.p95 = nil
        self.threads.p99 = nil
        self.threads.max = nil
        self.queue.meanLength = queue.map(\.mean).reduce(0, +)
        self.queue.maxLength = nil
    }
}

extension DurationFigures {
    /// The times are nil for an empty histogram (nothing timed).
    init(_ h: LogHistogram) {
        count = Int(h.totalWeight)
        guard count > 0 else { return }
        mean = h.mean * 1e-6
        p50 = h.quantile(0.5) * 1e-6
        p95 = h.quantile(0.95) * 1e-6
        max = Double(h.max) * 1e-6
    }
}
