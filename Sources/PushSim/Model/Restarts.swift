import DiscreteEvent

/// What happened in one graceful restart (MODEL.md §3.5).
struct RestartRecord {
    var at: Int64
    var drainMicros: Int64 = 0
    var waitedFor = 0
    var reset = 0
    var refused = 0
    var unanswered = 0
}

/// Graceful restarts (MODEL.md §3.5): "HTTP Server: Waiting for session to finish …".
///
/// At `at` the server drains: queued requests and every new request get 503, Pings parked
/// without a thread are ended (200 / Status 1) so that their devices reconnect later, and
/// the server waits for the requests holding threads to finish — a Ping holds its thread
/// until mail arrives or its heartbeat ends, which is why Traveler hangs on restart. When
/// the last thread is free, or at `drainTimeout`, it resets what is left (each device sees
/// the error at once and retries with backoff), stays down for `downtime` (requests get no
/// answer and time out on the device), and comes back with an empty pool.
extension ServerRun {
    /// Restart phases, in the generation field of a `restartPhase` event.
    static var drainBegins: UInt32 { 0 }
    static var drainTimesOut: UInt32 { 1 }
    static var backUp: UInt32 { 2 }

    mutating func scheduleRestartPhase(_ phase: UInt32, at t: Int64) {
        if t <= end { schedule(.restartPhase, index: restartIndex, generation: phase, at: t) }
    }

    mutating func restartPhase(index: Int, phase: UInt32, at t: Int64) {
        guard index == restartIndex, index < restarts.count else { return }
        switch phase {
        case Self.drainBegins: beginDrain(at: t)
        case Self.drainTimesOut: if self.phase == .draining { resetHeldRequests(at: t); goDown(at: t) }
        default: comeBackUp(at: t)
        }
    }

    mutating func beginDrain(at t: Int64) {
        phase = .draining
        var record = RestartRecord(at: t)
        record.waitedFor = pool.held
        restartRecords.append(record)
        restartLatency.append(LogHistogram())
        // Nothing new starts: the queue is refused.
        while let slot = pool.dequeue() {
            changeQueue(by: -1, population: Int(devices[Int(requests.slots[slot].device)].population), at: t)
            restartRecords[restartRecords.count - 1].refused += 1
            refuse(slot, at: t)
        }
        // Parked Pings hold no thread: the server ends them rather than waiting for them.
        for d in 0..<deviceCount {
            var slot = Int(devices[d].serverPings)
            while slot >= 0 {
                let next = Int(requests.slots[slot].next)
                if !requests.slots[slot].holdsThread { answer(slot, http: 200, pingStatus: 1, at: t) }
                slot = next
            }
        }
        if pool.held == 0 {
            goDown(at: t)
        } else {
            scheduleRestartPhase(Self.drainTimesOut, at: t + restarts[restartIndex].drainTimeout.microseconds)
        }
    }

    /// Called when a thread is released while draining.
    mutating func drainProgressed(at t: Int64) {
        if phase == .draining && pool.held == 0 { goDown(at: t) }
    }

    mutating func goDown(at t: Int64) {
        phase = .down
        restartRecords[restartRecords.count - 1].drainMicros = t - restartRecords[restartRecords.count - 1].at
        scheduleRestartPhase(Self.backUp, at: t + restarts[restartIndex].downtime.microseconds)
    }

    mutating func comeBackUp(at t: Int64) {
        phase = .up
        restartIndex += 1
        if restartIndex < restarts.count {
            scheduleRestartPhase(Self.drainBegins, at: max(t, restarts[restartIndex].at.microseconds))
        }
    }

    /// The drain timed out: every request still holding a thread is reset.
    mutating func resetHeldRequests(at t: Int64) {
        // Only a request in use holds a thread (a slot is freed after its thread).
        for slot in 0..<requests.usedSlots where requests.slots[slot].holdsThread {
            let r = requests.slots + slot
            let d = Int(r.pointee.device)
            let population = Int(devices[d].population)
            restartRecords[restartRecords.count - 1].reset += 1
            r.pointee.holdsThread = false
            changeThreads(by: -1, population: population, at: t)
            if r.pointee.state == .waiting { unlinkWaitingPing(slot, device: d) }
            r.pointee.state = .done
            r.pointee.serverFinished = true
            probe.requestEnded(id: requestID(slot), end: .reset, at: t)
            if measuring(t) {
                if r.pointee.kind == .ping { metrics[population].counters.reset &+= 1 } else { metrics[population].counters.syncReset &+= 1 }
            }
            if r.pointee.kind == .ping { intervalRow.reset &+= 1 }
            deviceSeesReset(slot, at: t)
        }
    }

    /// The connection was reset under the device: it learns at once and retries with backoff.
    mutating func deviceSeesReset(_ slot: Int, at t: Int64) {
        let r = requests.slots + slot
        let d = Int(r.pointee.device)
        let dev = devices + d
        let isPing = r.pointee.kind == .ping
        guard (isPing ? dev.pointee.currentPing : dev.pointee.currentSync) == Int32(slot) else {
            releaseIfDone(slot)
            return
        }
        r.pointee.deviceFinished = true
        if isPing {
            dev.pointee.currentPing = -1
            releaseIfDone(slot)
            backOff(d, kind: Device.retryPing, cause: .push, at: t)
        } else {
            dev.pointee.currentSync = -1
            let cause = r.pointee.cause
            if r.pointee.body >= 0 { outboxSyncFailed(d, request: slot) }
            releaseIfDone(slot)
            backOff(d, kind: Device.retrySync, cause: cause, at: t)
        }
    }

    /// Mail that arrived within an hour of a restart's start, for its latency figure.
    @inline(__always)
    mutating func noteLatencyNearRestart(arrival: Int64, latency: Int64) {
        for i in restartRecords.indices where arrival >= restartRecords[i].at && arrival < restartRecords[i].at + 3_600_000_000 {
            restartLatency[i].add(latency)
        }
    }

    func restartFigures(server: String) -> [RestartFigures] {
        restartRecords.enumerated().map { i, record in
            var f = RestartFigures()
            f.server = server
            f.at = Double(record.at) / 1e6
            f.drainSeconds = Double(record.drainMicros) / 1e6
            f.waitedFor = record.waitedFor
            f.reset = record.reset
            f.refused = record.refused
            f.unanswered = record.unanswered
            if !restartLatency[i].isEmpty { f.pushLatencyP95After = restartLatency[i].quantile(0.95) / 1e6 }
            return f
        }
    }
}
