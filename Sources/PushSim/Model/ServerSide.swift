import DiscreteEvent

/// The server's side of MODEL.md §3: arrivals, the thread pool and its queue, Pings that
/// wait for mail or their heartbeat, Syncs, the newer-request rule, and responses on their
/// way back through the device's firewall path.
extension ServerRun {
    /// A request reaches the server: it starts on a free thread, waits in the queue, or is
    /// refused with 503 when the queue is full (or the server is draining).
    mutating func requestArrives(_ slot: Int, at t: Int64) {
        let r = requests.slots + slot
        r.pointee.serverAt = t
        switch phase {
        case .down:
            r.pointee.serverFinished = true
            r.pointee.state = .done
            probe.requestEnded(id: requestID(slot), end: .unanswered, at: t)
            restartRecords[restartRecords.count - 1].unanswered += 1
            ensureTimeout(slot, at: t)
            releaseIfDone(slot)
            return
        case .draining:
            restartRecords[restartRecords.count - 1].refused += 1
            refuse(slot, at: t)
            return
        case .up:
            break
        }
        if pool.hasFreeThread && pool.queued == 0 {
            start(slot, at: t)
            pump(at: t)
        } else if !pool.queueIsFull {
            if completions.count > 0 { completionsBecomeEvents() }
            r.pointee.state = .queued
            probe.requestQueued(id: requestID(slot), at: t)
            pool.enqueue(slot)
            changeQueue(by: 1, population: Int(devices[Int(r.pointee.device)].population), at: t)
            ensureTimeout(slot, at: t)
        } else {
            refuse(slot, at: t)
        }
    }

    /// Starts queued requests while threads are free, first in first out. Called after
    /// every arrival and answer; with nothing queued on a running server (nearly always)
    /// it costs two comparisons.
    @inline(__always)
    mutating func pump(at t: Int64) {
        if pool.queued == 0 && phase == .up { return }
        pumpQueued(at: t)
    }

    mutating func pumpQueued(at t: Int64) {
        if phase == .draining { drainProgressed(at: t) }
        if pumping || phase != .up { return }
        pumping = true
        while pool.hasFreeThread, let slot = pool.dequeue() {
            changeQueue(by: -1, population: Int(devices[Int(requests.slots[slot].device)].population), at: t)
            start(slot, at: t)
        }
        pumping = false
    }

    /// A request gets a thread.
    mutating func start(_ slot: Int, at t: Int64) {
        let r = requests.slots + slot
        let d = Int(r.pointee.device)
        let dev = devices + d
        let population = Int(dev.pointee.population)
        let p = pops + population
        changeThreads(by: 1, population: population, at: t)
        r.pointee.holdsThread = true
        if measuring(t) {
            let wait = t - r.pointee.serverAt
            if wait == 0 { metrics[population].startedAtOnce &+= 1 } else { metrics[population].queueWait.add(wait) }
        }
        r.pointee.serverAt = t

        // MODEL.md §3.5: a newer request from a single-connection device ends the Pings it
        // abandoned, when it starts on a thread.
        if p.pointee.single {
            if r.pointee.kind == .ping && r.pointee.serial < dev.pointee.latestStartedSerial && supersededHTTP != 0 {
                // An older Ping that starts after a newer request: its start is its first check.
                answerSuperseded(slot, at: t)
                return
            }
            var older = Int(dev.pointee.serverPings)
            while older >= 0 {
                let next = Int(requests.slots[older].next)
                if requests.slots[older].serial < r.pointee.serial { supersede(older, at: t) }
                older = next
            }
        }
        if r.pointee.serial > dev.pointee.latestStartedSerial { dev.pointee.latestStartedSerial = r.pointee.serial }

        let backDelayMax = p.pointee.networkDelay.upperBound
        if r.pointee.kind == .sync {
            r.pointee.state = .working
            r.pointee.mailUpTo = dev.pointee.mailArrived
            dev.pointee.mailHanded = dev.pointee.mailArrived
            outboxProcessed(d, request: slot, at: t)
            let done = t + workTime(d, slot, syncWork)
            let late = Double(done) + backDelayMax > Double(deadline(slot))
            if late { ensureTimeout(slot, at: t) }
            // Nothing waits for a thread and the device waits for this answer, which will be
            // in time: the whole completion is known now (see LazyCompletions).
            if Path.lazyCompletions && pool.queued == 0 && restarts.isEmpty && !late && dev.pointee.currentSync == Int32(slot) {
                r.pointee.lazyCompletion = true
                r.pointee.httpStatus = 200
                completions.push(time: done, slot: slot, generation: r.pointee.generation)
                sendResponse(slot, sentAt: done, at: t)
            } else {
                schedule(.syncDone, index: slot, generation: r.pointee.generation, at: done)
            }
            return
        }
        // A Ping: out-of-bounds heartbeat → Status 5; unsynced mail → Status 2 at once.
        let h = r.pointee.heartbeat
        if h < heartbeatMin || h > heartbeatMax || dev.pointee.mailArrived > dev.pointee.mailHanded {
            r.pointee.state = .working
            r.pointee.pingStatus = h < heartbeatMin || h > heartbeatMax ? 5 : 2
            let done = t + workTime(d, slot, pingWork)
            schedule(.pingWorkDone, index: slot, generation: r.pointee.generation, at: done)
            if Double(done) + backDelayMax > Double(deadline(slot)) { ensureTimeout(slot, at: t) }
            return
        }
        // The Ping waits for mail or its heartbeat, on its thread or parked without one.
        r.pointee.state = .waiting
        r.pointee.next = dev.pointee.serverPings
        dev.pointee.serverPings = Int32(slot)
        if !pingHoldsThread {
            schedule(.pingWorkDone, index: slot, generation: r.pointee.generation, at: t + workTime(d, slot, pingWork))
        }
        let expiry = t + h
        // When the device's next mail is due before the heartbeat ends, that mail ends this
        // Ping (or something earlier does), so the heartbeat event would only be skipped.
        if !Path.skippedHeartbeats || dev.pointee.nextMailAt >= expiry {
            schedule(.heartbeatDone, index: slot, generation: r.pointee.generation, at: expiry)
        }
        if Double(expiry) + backDelayMax > Double(deadline(slot)) { ensureTimeout(slot, at: t) }
    }

    /// A Ping's thread work is done: send its decided answer, or park it.
    mutating func pingWorkDone(_ slot: Int, at t: Int64) {
        let r = requests.slots + slot
        switch r.pointee.state {
        case .working:
            answer(slot, http: 200, pingStatus: r.pointee.pingStatus, at: t)
            pump(at: t)
        case .waiting where r.pointee.holdsThread && !pingHoldsThread:
            r.pointee.holdsThread = false
            changeThreads(by: -1, population: Int(devices[Int(r.pointee.device)].population), at: t)
            pump(at: t)
        default:
            break
        }
    }

    /// A waiting Ping's heartbeat ran out: 200 / Status 1. With `checkInterval` the end of
    /// the heartbeat is also the Ping's last check, so what it has not noticed yet (a newer
    /// request, mail) decides the answer.
    mutating func heartbeatDone(_ slot: Int, at t: Int64) {
        guard requests.slots[slot].state == .waiting else { return }
        if checkInterval == 0 || !checkAnswers(slot, at: t) { answer(slot, http: 200, pingStatus: 1, at: t) }
        pump(at: t)
    }

    // MARK: - Newer requests and checks (MODEL.md §3.5, §2 `checkInterval`)

    /// A newer request of the waiting Ping's device started on a thread: the policy
    /// decides, at once or, with `checkInterval`, at the Ping's next check.
    mutating func supersede(_ slot: Int, at t: Int64) {
        guard supersededHTTP != 0 else { return }   // `ignore`: it runs to its heartbeat
        if checkInterval == 0 {
            answerSuperseded(slot, at: t)
        } else {
            requests.slots[slot].superseded = true
            scheduleCheck(slot, at: t)
        }
    }

    /// Answers a superseded Ping with the policy's status and counts it.
    mutating func answerSuperseded(_ slot: Int, at t: Int64) {
        if measuring(t) { metrics[Int(devices[Int(requests.slots[slot].device)].population)].counters.superseded &+= 1 }
        requests.slots[slot].superseded = true   // for the probe's access-log line
        answer(slot, http: supersededHTTP, pingStatus: 1, at: t)
    }

    /// Something for the waiting Ping happened at `t` (mail, a newer request): it will
    /// notice at its first check from `t` on, every `checkInterval` from its start; the
    /// end of its heartbeat is its last check.
    mutating func scheduleCheck(_ slot: Int, at t: Int64) {
        let r = requests.slots + slot
        if r.pointee.checkPending { return }
        r.pointee.checkPending = true
        let started = r.pointee.serverAt
        let check = started + (t - started + checkInterval - 1) / checkInterval * checkInterval
        let expiry = started + r.pointee.heartbeat
        if check < expiry {
            schedule(.pingCheck, index: slot, generation: r.pointee.generation, at: check)
        } else {
            // The heartbeat event may have been left out in `start` (mail was due first).
            schedule(.heartbeatDone, index: slot, generation: r.pointee.generation, at: expiry)
        }
    }

    /// A waiting Ping's check: it answers what it finds.
    mutating func pingCheck(_ slot: Int, at t: Int64) {
        guard requests.slots[slot].state == .waiting else { return }
        requests.slots[slot].checkPending = false
        if checkAnswers(slot, at: t) {
            pump(at: t)
        } else {
            // A Sync took the mail before the check: the Ping waits on, to its heartbeat.
            let r = requests.slots + slot
            schedule(.heartbeatDone, index: slot, generation: r.pointee.generation, at: r.pointee.serverAt + r.pointee.heartbeat)
        }
    }

    /// What a check finds: a newer request (the device has moved on, so it comes first),
    /// else mail not yet handed to a Sync. Returns false when it answered nothing.
    mutating func checkAnswers(_ slot: Int, at t: Int64) -> Bool {
        let r = requests.slots + slot
        let dev = devices + Int(r.pointee.device)
        if r.pointee.superseded {
            answerSuperseded(slot, at: t)
        } else if dev.pointee.mailArrived > dev.pointee.mailHanded {
            answer(slot, http: 200, pingStatus: 2, at: t)
        } else {
            return false
        }
        return true
    }

    mutating func syncDone(_ slot: Int, at t: Int64) {
        guard requests.slots[slot].state == .working else { return }
        if requests.slots[slot].lazyCompletion {
            completeSync(slot, at: t)
        } else {
            answer(slot, http: 200, pingStatus: 0, at: t)
        }
        pump(at: t)
    }

    /// Applies the completions due by `t`, in time order (see LazyCompletions).
    mutating func completeSyncs(upTo t: Int64) {
        while completions.earliest <= t {
            let c = completions.pop()
            if requests.slots[Int(c.slot)].generation == c.generation {
                events &+= 1  // a model event handled without the queue (the loop counts the others)
                completeSync(Int(c.slot), at: c.time)
            }
        }
    }

    /// A lazily completed Sync frees its thread at `t`; its response is already on its way.
    mutating func completeSync(_ slot: Int, at t: Int64) {
        finishAtServer(slot, http: 200, pingStatus: 0, at: t)
        releaseIfDone(slot)
    }

    /// A request must queue: from now on thread releases matter to it, so the pending
    /// completions become events again.
    mutating func completionsBecomeEvents() {
        while completions.count > 0 {
            let c = completions.pop()
            schedule(.syncDone, index: Int(c.slot), generation: c.generation, at: c.time)
        }
    }

    /// 503 at once, without a thread.
    mutating func refuse(_ slot: Int, at t: Int64) {
        answer(slot, http: 503, pingStatus: 0, at: t)
    }

    /// The server answers a request: frees its thread, counts the outcome, and sends the
    /// response towards the device (callers start queued requests afterwards with `pump`).
    mutating func answer(_ slot: Int, http: UInt16, pingStatus: UInt8, at t: Int64) {
        finishAtServer(slot, http: http, pingStatus: pingStatus, at: t)
        deliverResponse(slot, at: t)
    }

    /// The server is done with `slot`: its thread is freed and its outcome counted. The
    /// response is the caller's (sent now by `answer`, already on its way for a lazy Sync).
    @inline(__always)
    mutating func finishAtServer(_ slot: Int, http: UInt16, pingStatus: UInt8, at t: Int64) {
        let r = requests.slots + slot
        let d = Int(r.pointee.device)
        let dev = devices + d
        let population = Int(dev.pointee.population)
        if r.pointee.holdsThread {
            r.pointee.holdsThread = false
            changeThreads(by: -1, population: population, at: t)
        }
        if r.pointee.state == .waiting { unlinkWaitingPing(slot, device: d) }
        let started = r.pointee.state == .working || r.pointee.state == .waiting
        r.pointee.state = .done
        r.pointee.serverFinished = true
        r.pointee.httpStatus = http
        r.pointee.pingStatus = pingStatus
        probe.requestEnded(id: requestID(slot), end: .answered(httpStatus: Int(http), pingStatus: Int(pingStatus)), at: t)
        // Built only when the probe uses it (NoProbe's no-op is inlined away with it).
        probe.requestAnswered(ServerAnswer(
            id: requestID(slot), device: d - pops[population].firstDevice, population: population, isPing: r.pointee.kind == .ping,
            startedAt: r.pointee.serverAt, finishedAt: t,
            httpStatus: Int(http), pingStatus: Int(pingStatus), heartbeat: r.pointee.kind == .ping ? r.pointee.heartbeat : 0,
            superseded: r.pointee.superseded && r.pointee.kind == .ping))
        countAnswer(r.pointee.kind, http: http, pingStatus: pingStatus, started: started,
                    duration: t - r.pointee.serverAt, population: population, at: t)
    }

    // `@_transparent`, not `@inline(__always)`: with the latter the optimiser left it a call
    // from `start` and the other large callers (1–2 % of all instructions).
    @_transparent
    mutating func countAnswer(_ kind: RequestKind, http: UInt16, pingStatus: UInt8, started: Bool,
                              duration: Int64, population: Int, at t: Int64) {
        if kind == .ping {
            switch (http, pingStatus) {
            case (409, _): intervalRow.conflict409 &+= 1
            case (503, _): intervalRow.rejected503 &+= 1
            case (_, 2): intervalRow.status2 &+= 1
            case (_, 5): intervalRow.status5 &+= 1
            default: intervalRow.status1 &+= 1
            }
        } else if http == 200 {
            intervalRow.syncs &+= 1
        }
        guard measuring(t) else { return }
        switch http {
        case 200: metrics[population].counters.http200 &+= 1
        case 409: metrics[population].counters.http409 &+= 1
        default: metrics[population].counters.http503 &+= 1
        }
        if kind == .ping {
            switch (http, pingStatus) {
            case (409, _): metrics[population].counters.conflict409 &+= 1
            case (503, _): metrics[population].counters.rejected503 &+= 1
            case (_, 2): metrics[population].counters.status2 &+= 1
            case (_, 5): metrics[population].counters.status5 &+= 1
            default: metrics[population].counters.status1 &+= 1
            }
            if started { metrics[population].pingDuration.add(duration) }
        } else if http == 503 {
            metrics[population].counters.syncRejected503 &+= 1
        } else if started {
            metrics[population].syncDuration.add(duration)
        }
    }

    /// The response travels back. It is lost when the device has closed the connection
    /// (an abandoned Ping), when the path was idle longer than the firewall's timeout
    /// (silently dropped, MODEL.md §3.3), or by network loss; the device then learns only
    /// from its own timeout.
    mutating func deliverResponse(_ slot: Int, at t: Int64) {
        let r = requests.slots + slot
        let dev = devices + Int(r.pointee.device)
        let isPing = r.pointee.kind == .ping
        guard (isPing ? dev.pointee.currentPing : dev.pointee.currentSync) == Int32(slot) else {
            releaseIfDone(slot)
            return
        }
        sendResponse(slot, sentAt: t, at: t)
    }

    // `@_transparent`, not `@inline(__always)`: with the latter the optimiser left it a call
    // from `start` and the other large callers (1–2 % of all instructions).
    /// The response of `slot`, sent at `sentAt` (now, or later for a lazy completion),
    /// crosses the firewall path and the network.
    @_transparent
    mutating func sendResponse(_ slot: Int, sentAt: Int64, at t: Int64) {
        let r = requests.slots + slot
        let d = Int(r.pointee.device)
        if sentAt - r.pointee.sentAt > devices[d].firewallTimeout {
            ensureTimeout(slot, at: t)
            return
        }
        guard let delay = networkHop(d, slot, response: true) else {
            ensureTimeout(slot, at: t)
            return
        }
        let arrival = sentAt + delay
        if responseCanArriveNow(slot, device: d, arrival: arrival) {
            events &+= 1
            responseArrives(slot, at: arrival)
        } else {
            schedule(.response, index: slot, generation: r.pointee.generation, at: arrival)
        }
    }

    /// True when nothing can touch the device before the response arrives, so that its
    /// arrival can be handled now, stamped with its own time, instead of by an event: no
    /// activity of the device is due before then (mail, opens, outbox, retries, fetches,
    /// notify opens), it waits for no other request, and no restart can intervene.
    @inline(__always)
    func responseCanArriveNow(_ slot: Int, device d: Int, arrival: Int64) -> Bool {
        // The device's own timeout for this request must not come first (a late response).
        guard Path.earlyResponses && restarts.isEmpty && arrival <= end else { return false }
        // Only a request that may be late has its timeout scheduled: it must not come first.
        if requests.slots[slot].timeoutScheduled && arrival >= deadline(slot) { return false }
        let dev = devices + d
        let other = requests.slots[slot].kind == .ping ? dev.pointee.currentSync : dev.pointee.currentPing
        return other < 0 && nextActivity(d) > arrival
    }

    @inline(__always)
    mutating func unlinkWaitingPing(_ slot: Int, device d: Int) {
        let dev = devices + d
        if dev.pointee.serverPings == Int32(slot) {
            dev.pointee.serverPings = requests.slots[slot].next
        } else {
            var previous = Int(dev.pointee.serverPings)
            while previous >= 0 {
                let next = Int(requests.slots[previous].next)
                if next == slot {
                    requests.slots[previous].next = requests.slots[slot].next
                    break
                }
                previous = next
            }
        }
        requests.slots[slot].next = -1
    }

    /// Frees a request's slot once both the server and the device are done with it; any
    /// event still pending for it is then stale (its generation no longer matches).
    @inline(__always)
    mutating func releaseIfDone(_ slot: Int) {
        let r = requests.slots + slot
        if r.pointee.serverFinished && r.pointee.deviceFinished {
            r.pointee.serverFinished = false   // never released twice
            if r.pointee.body >= 0 { releaseBody(slot) }
            requests.release(slot)
        }
    }
}
