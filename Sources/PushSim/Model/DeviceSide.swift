import DiscreteEvent

/// The device's side of MODEL.md §3: its activity timers, the Ping loop, Syncs, backoff,
/// timeouts and heartbeat adaptation.
extension ServerRun {
    /// Gives a device its first mail and open times and its first Ping (or fetch), at a
    /// random offset within its first heartbeat so that devices do not start in lockstep.
    mutating func setUpDevice(_ d: Int, population: Int, streamIndex local: Int) {
        let p = pops + population
        let dev = devices + d
        dev.pointee.population = UInt16(population)
        dev.pointee.heartbeat = p.pointee.heartbeatInitial
        metrics[population].counters.heartbeatIntegral += Int128(p.pointee.heartbeatInitial) * Int128(end - warmup)
        var firewall = p.pointee.stream(.firewall, device: local, counter: 0)
        if let timeout = p.pointee.firewall {
            dev.pointee.firewallTimeout = timeout.sample(&firewall)
        }
        var mail = p.pointee.stream(.mail, device: local, counter: 0)
        dev.pointee.nextMailAt = p.pointee.mail.next(after: 0, &mail)
        dev.pointee.mailCursorAt = dev.pointee.nextMailAt
        var opens = p.pointee.stream(.opens, device: local, counter: 0)
        dev.pointee.nextOpenAt = p.pointee.opens.next(after: 0, &opens)
        dev.pointee.opensCounter = opens.counter
        if p.pointee.outboxEnabled {
            var outbox = p.pointee.stream(.outbox, device: local, counter: 0)
            dev.pointee.nextOutboxAt = p.pointee.outbox.next(after: 0, &outbox)
            dev.pointee.outboxCounter = outbox.counter
        }
        var start = p.pointee.stream(.start, device: local, counter: 0)
        if p.pointee.push {
            dev.pointee.retryAt = Int64(start.nextUnit() * Double(p.pointee.heartbeatInitial))
            dev.pointee.retryKind = Device.retryPing
        } else {
            dev.pointee.fetchAt = Int64(start.nextUnit() * Double(p.pointee.fetchInterval))
        }
        armTimer(d)
    }

    /// The device's local index in its population (its random streams are keyed by it).
    @inline(__always)
    func localIndex(_ d: Int) -> Int {
        let p = pops + Int(devices[d].population)
        return d - p.pointee.firstDevice + p.pointee.streamOffset
    }

    // MARK: - Timers

    /// The time of the device's next activity of its own (mail, opens, outbox, notify
    /// opens, retries, fetches, resends).
    @inline(__always)
    func nextActivity(_ d: Int) -> Int64 {
        let dev = devices + d
        return min(min(min(dev.pointee.nextMailAt, dev.pointee.nextOpenAt), min(dev.pointee.nextOutboxAt, dev.pointee.notifyOpenAt)),
                   min(min(dev.pointee.retryAt, dev.pointee.fetchAt), dev.pointee.outboxResendAt))
    }

    /// Schedules the device's timer event for its earliest activity, unless one is already
    /// pending at or before it.
    @inline(__always)
    mutating func armTimer(_ d: Int) {
        let dev = devices + d
        let next = nextActivity(d)
        if next < dev.pointee.timerAt && next <= end {
            dev.pointee.timerGeneration = (dev.pointee.timerGeneration &+ 1) & 0xFF_FFFF
            dev.pointee.timerAt = next
            schedule(.deviceTimer, index: d, generation: dev.pointee.timerGeneration, at: next)
        }
    }

    mutating func deviceTimer(_ d: Int, generation: UInt32, at t: Int64) {
        let dev = devices + d
        guard dev.pointee.timerGeneration == generation else { return }
        dev.pointee.timerAt = .max
        if dev.pointee.nextMailAt <= t { mailArrives(d, at: t) }
        if dev.pointee.nextOpenAt <= t {
            let p = pops + Int(dev.pointee.population)
            var opens = p.pointee.stream(.opens, device: localIndex(d), counter: dev.pointee.opensCounter)
            dev.pointee.nextOpenAt = p.pointee.opens.next(after: t, &opens)
            dev.pointee.opensCounter = opens.counter
            probe.userOpened(device: d, at: t)
            userWantsSync(d, cause: .userOpen, at: t)
        }
        if dev.pointee.notifyOpenAt <= t {
            dev.pointee.notifyOpenAt = .max
            userWantsSync(d, cause: .userOpen, at: t)
        }
        if dev.pointee.nextOutboxAt <= t { outboxItemCreated(d, at: t) }
        if dev.pointee.outboxResendAt <= t {
            outboxResendsDue(d, at: t)
            userWantsSync(d, cause: .outbox, at: t)   // the user resends: a backoff ends (MODEL.md §3.2.8)
        }
        if dev.pointee.fetchAt <= t {
            let p = pops + Int(dev.pointee.population)
            dev.pointee.fetchAt = t + p.pointee.fetchInterval
            if dev.pointee.currentSync < 0 && dev.pointee.retryKind != Device.retrySync { sendSync(d, cause: .fetch, at: t) }
        }
        if dev.pointee.retryAt <= t {
            dev.pointee.retryAt = .max
            let kind = dev.pointee.retryKind
            dev.pointee.retryKind = Device.retryNothing
            if kind == Device.retryPing {
                let single = pops[Int(dev.pointee.population)].single
                if dev.pointee.currentPing < 0 && (!single || dev.pointee.currentSync < 0) { sendPing(d, at: t) }
            } else if kind == Device.retrySync && dev.pointee.currentSync < 0 {
                abandonPingIfSingle(d)
                sendSync(d, cause: dev.pointee.retryCause, at: t)
            }
        }
        armTimer(d)
    }

    // MARK: - Mail

    /// A mail reaches the user's mailbox on the server: every Ping of this device waiting
    /// at the server ends with Status 2.
    mutating func mailArrives(_ d: Int, at t: Int64) {
        let dev = devices + d
        let p = pops + Int(dev.pointee.population)
        dev.pointee.mailArrived &+= 1
        if measuring(t) { metrics[Int(dev.pointee.population)].counters.mailArrived &+= 1 }
        probe.mailArrived(device: d, index: dev.pointee.mailArrived, at: t)
        // The next mail is drawn first: the answers below may hand their responses to the
        // device at once (`responseCanArriveNow`), which needs its true next activity.
        var mail = p.pointee.stream(.mail, device: localIndex(d), counter: dev.pointee.mailArrived)
        dev.pointee.nextMailAt = p.pointee.mail.next(after: t, &mail)
        var slot = Int(dev.pointee.serverPings)
        while slot >= 0 {
            let next = Int(requests.slots[slot].next)
            if checkInterval == 0 { answer(slot, http: 200, pingStatus: 2, at: t) } else { scheduleCheck(slot, at: t) }
            slot = next
        }
        pump(at: t)
    }

    /// Delivers mail up to number `upTo` (the Sync's response reached the device), replaying
    /// the device's arrival stream from its cursor to recover each mail's arrival time.
    mutating func deliverMail(_ d: Int, upTo: UInt32, cause: SyncCause, at t: Int64) {
        let dev = devices + d
        guard upTo > dev.pointee.mailDelivered else { return }
        let population = Int(dev.pointee.population)
        let p = pops + population
        let local = localIndex(d)
        var index = dev.pointee.mailDelivered &+ 1
        var arrival = dev.pointee.mailCursorAt
        var notify = p.pointee.afterNotifyProbability > 0 && cause == .push
        while index <= upTo {
            probe.mailDelivered(device: d, index: index, arrivedAt: arrival, at: t)
            if !restartRecords.isEmpty { noteLatencyNearRestart(arrival: arrival, latency: t - arrival) }
            if arrival >= warmup {
                metrics[population].pushLatency.add(t - arrival)
                if arrival < dev.pointee.lastPingLossAt { metrics[population].counters.afterLostPing &+= 1 } else {
                    switch cause {
                    case .push: metrics[population].counters.byPush &+= 1
                    case .userOpen: metrics[population].counters.byUserOpen &+= 1
                    case .fetch: metrics[population].counters.byFetch &+= 1
                    case .outbox: metrics[population].counters.byOutbox &+= 1
                    }
                }
            }
            if notify {
                var stream = p.pointee.stream(.notify, device: local, counter: dev.pointee.notifyCounter)
                if stream.bernoulli(p.pointee.afterNotifyProbability) {
                    let at = t + p.pointee.afterNotifyDelay.sample(&stream)
                    if at < dev.pointee.notifyOpenAt { dev.pointee.notifyOpenAt = at }
                    notify = false   // one notification opens Mail at most once
                }
                dev.pointee.notifyCounter = stream.counter
            }
            if index == dev.pointee.mailArrived {
                // The mail after the last one to arrive is the device's next mail: the same
                // draw, made when this one arrived (`mailArrives`).
                arrival = dev.pointee.nextMailAt
            } else {
                var mail = p.pointee.stream(.mail, device: local, counter: index)
                arrival = p.pointee.mail.next(after: arrival, &mail)
            }
            index &+= 1
        }
        dev.pointee.mailDelivered = upTo
        dev.pointee.mailCursorAt = arrival
    }

    // MARK: - Requests

    /// The user opened Mail (or a notification, or the outbox needs sending): Sync now. A
    /// single-connection device abandons its pending Ping; an open during a Sync joins it.
    /// A backoff in progress ends (MODEL.md §3.2.8): the user is looking at the screen, so
    /// the device does not wait for its retry timer; the backoff level stays until a success.
    mutating func userWantsSync(_ d: Int, cause: SyncCause, at t: Int64) {
        let dev = devices + d
        if dev.pointee.currentSync >= 0 { return }
        abandonPingIfSingle(d)
        sendSync(d, cause: cause, at: t)
    }

    /// A single-connection device closes its pending Ping's connection; the server does not
    /// see the close (MODEL.md §3.5).
    @inline(__always)
    mutating func abandonPingIfSingle(_ d: Int) {
        let dev = devices + d
        guard pops[Int(dev.pointee.population)].single, dev.pointee.currentPing >= 0 else { return }
        let slot = Int(dev.pointee.currentPing)
        dev.pointee.currentPing = -1
        requests.slots[slot].deviceFinished = true
        releaseIfDone(slot)
    }

    mutating func sendPing(_ d: Int, at t: Int64) {
        let dev = devices + d
        if dev.pointee.retryKind == Device.retryPing {
            dev.pointee.retryKind = Device.retryNothing
            dev.pointee.retryAt = .max
        }
        let slot = send(d, kind: .ping, cause: .push, at: t)
        dev.pointee.currentPing = Int32(slot)
    }

    mutating func sendSync(_ d: Int, cause: SyncCause, at t: Int64) {
        let dev = devices + d
        if dev.pointee.retryKind == Device.retrySync {
            dev.pointee.retryKind = Device.retryNothing
            dev.pointee.retryAt = .max
        }
        let slot = send(d, kind: .sync, cause: cause, at: t)
        dev.pointee.currentSync = Int32(slot)
    }

    /// Sends a request: the radio carries it, and it reaches the server after the network
    /// delay unless it is lost on the way.
    mutating func send(_ d: Int, kind: RequestKind, cause: SyncCause, at t: Int64) -> Int {
        let dev = devices + d
        let population = Int(dev.pointee.population)
        let p = pops + population
        let slot = requests.allocate()
        let r = requests.slots + slot
        r.pointee.sentAt = t
        r.pointee.device = Int32(d)
        r.pointee.kind = kind
        r.pointee.cause = cause
        dev.pointee.nextSerial &+= 1
        r.pointee.serial = dev.pointee.nextSerial
        var bytes: Int
        if kind == .ping {
            r.pointee.heartbeat = dev.pointee.heartbeat
            bytes = p.pointee.pingRequestBytes
        } else {
            bytes = p.pointee.syncRequestBytes
            bytes += uploadOutbox(d, request: slot, at: t) * p.pointee.bytesPerOutboxItem
            if measuring(t) { metrics[population].counters.syncs &+= 1 }
        }
        metrics[population].counters.radioActiveMicros += dev.pointee.radio.transfer(
            bytes: bytes, uplink: true, at: t, p.pointee.radio, from: warmup, to: end)
        probe.requestSent(id: requestID(slot), isPing: kind == .ping, device: d, at: t)
        guard let delay = networkHop(d, slot, response: false) else {
            r.pointee.serverFinished = true
            probe.requestEnded(id: requestID(slot), end: .lostInTransit, at: t)
            ensureTimeout(slot, at: t)
            return slot
        }
        schedule(.arrive, index: slot, generation: r.pointee.generation, at: t + delay)
        if !Path.timeoutsWhenNeeded { ensureTimeout(slot, at: t) }   // the reference path: every timer is an event
        return slot
    }

    @inline(__always)
    func requestID(_ slot: Int) -> UInt64 { UInt64(slot) | UInt64(requests.slots[slot].generation) << 32 }

    /// When the device will give up on a request it is still waiting for.
    @inline(__always)
    func deadline(_ slot: Int) -> Int64 {
        let r = requests.slots + slot
        let p = pops + Int(devices[Int(r.pointee.device)].population)
        return r.pointee.kind == .ping
            ? r.pointee.sentAt + r.pointee.heartbeat + p.pointee.pingGrace
            : r.pointee.sentAt + p.pointee.syncTimeout
    }

    /// Makes sure the device's timeout for `slot` is scheduled. Timeouts are scheduled only
    /// when the response may miss its deadline (lost, dropped, queued, slow), never for
    /// the normal case, so a Ping costs no timer event.
    @inline(__always)
    mutating func ensureTimeout(_ slot: Int, at t: Int64) {
        let r = requests.slots + slot
        if r.pointee.timeoutScheduled { return }
        r.pointee.timeoutScheduled = true
        let at = max(deadline(slot), t)
        if at <= end { schedule(.deviceTimeout, index: slot, generation: r.pointee.generation, at: at) }
    }

    /// A response reaches the device.
    mutating func responseArrives(_ slot: Int, at t: Int64) {
        let r = requests.slots + slot
        let d = Int(r.pointee.device)
        let dev = devices + d
        let population = Int(dev.pointee.population)
        let p = pops + population
        let isPing = r.pointee.kind == .ping
        guard (isPing ? dev.pointee.currentPing : dev.pointee.currentSync) == Int32(slot) else {
            r.pointee.deviceFinished = true   // the device closed that connection meanwhile
            releaseIfDone(slot)
            return
        }
        let http = r.pointee.httpStatus
        var bytes = isPing ? p.pointee.pingResponseBytes : p.pointee.syncResponseBytes
        if !isPing && http == 200 { bytes += Int(r.pointee.mailUpTo &- min(r.pointee.mailUpTo, dev.pointee.mailDelivered)) * p.pointee.bytesPerMailItem }
        metrics[population].counters.radioActiveMicros += dev.pointee.radio.transfer(
            bytes: bytes, uplink: false, at: t, p.pointee.radio, from: warmup, to: end)
        r.pointee.deviceFinished = true
        if isPing {
            dev.pointee.currentPing = -1
            let status = r.pointee.pingStatus
            let heartbeat = r.pointee.heartbeat
            releaseIfDone(slot)
            if http == 503 {
                backOff(d, kind: Device.retryPing, cause: .push, at: t)
            } else if status == 2 {
                dev.pointee.backoffLevel = 0
                if dev.pointee.currentSync < 0 { sendSync(d, cause: .push, at: t) } else { sendPing(d, at: t) }
            } else if status == 1 {
                dev.pointee.backoffLevel = 0
                heartbeatSucceeded(d, pingHeartbeat: heartbeat, at: t)
                sendPing(d, at: t)
            } else if status == 5 {
                setHeartbeat(d, heartbeat > heartbeatMax ? heartbeatMax : heartbeatMin, at: t)
                sendPing(d, at: t)
            }
        } else {
            dev.pointee.currentSync = -1
            let upTo = r.pointee.mailUpTo
            let cause = r.pointee.cause
            let uploaded = r.pointee.body >= 0
            releaseIfDone(slot)
            if http == 503 {
                if uploaded { outboxSyncFailed(d, request: slot) }
                backOff(d, kind: Device.retrySync, cause: cause, at: t)
            } else {
                dev.pointee.backoffLevel = 0
                deliverMail(d, upTo: upTo, cause: cause, at: t)
                if uploaded { outboxAcknowledged(d, request: slot, at: t) }
                if p.pointee.outboxEnabled && outboxHasPending(d) {
                    sendSync(d, cause: .outbox, at: t)
                } else if p.pointee.push && dev.pointee.currentPing < 0 {
                    sendPing(d, at: t)
                }
            }
        }
        armTimer(d)
    }

    /// The device gave up waiting: a lost Ping (MODEL.md §3.2.5) or a failed Sync.
    mutating func deviceTimesOut(_ slot: Int, at t: Int64) {
        let r = requests.slots + slot
        let d = Int(r.pointee.device)
        let dev = devices + d
        let population = Int(dev.pointee.population)
        let isPing = r.pointee.kind == .ping
        guard (isPing ? dev.pointee.currentPing : dev.pointee.currentSync) == Int32(slot) else { return }
        r.pointee.deviceFinished = true
        if isPing {
            dev.pointee.currentPing = -1
            let heartbeat = r.pointee.heartbeat
            releaseIfDone(slot)
            if measuring(t) { metrics[population].counters.lost &+= 1 }
            intervalRow.lost &+= 1
            dev.pointee.lastPingLossAt = t
            heartbeatFailed(d, pingHeartbeat: heartbeat, at: t)
            sendPing(d, at: t)
        } else {
            dev.pointee.currentSync = -1
            let cause = r.pointee.cause
            if r.pointee.body >= 0 { outboxSyncFailed(d, request: slot) }
            releaseIfDone(slot)
            if measuring(t) { metrics[population].counters.syncTimeouts &+= 1 }
            backOff(d, kind: Device.retrySync, cause: cause, at: t)
        }
        armTimer(d)
    }

    /// Retry after 30 s, doubling up to 5 min; reset by any success (MODEL.md §3.2.6).
    mutating func backOff(_ d: Int, kind: UInt8, cause: SyncCause, at t: Int64) {
        let dev = devices + d
        let level = Int64(min(dev.pointee.backoffLevel, 4))
        let wait: Int64 = min(30_000_000 << level, 300_000_000)
        if dev.pointee.backoffLevel < 8 { dev.pointee.backoffLevel &+= 1 }
        dev.pointee.retryAt = t + wait
        dev.pointee.retryKind = kind
        dev.pointee.retryCause = cause
        armTimer(d)
    }

    // MARK: - Heartbeat (MODEL.md §3.4)

    mutating func setHeartbeat(_ d: Int, _ h: Int64, at t: Int64) {
        let dev = devices + d
        let old = dev.pointee.heartbeat
        guard h != old else { return }
        dev.pointee.heartbeat = h
        let from = max(t, warmup)
        if from < end {
            metrics[Int(dev.pointee.population)].counters.heartbeatIntegral += Int128(h - old) * Int128(end - from)
        }
    }

    /// A Ping ended Status 1: an adaptive heartbeat grows by a step.
    mutating func heartbeatSucceeded(_ d: Int, pingHeartbeat: Int64, at t: Int64) {
        let p = pops + Int(devices[d].population)
        guard p.pointee.adaptive else { return }
        devices[d].lastGoodHeartbeat = pingHeartbeat
        if devices[d].heartbeatLocked { return }
        setHeartbeat(d, min(devices[d].heartbeat + p.pointee.heartbeatStep, p.pointee.heartbeatMax), at: t)
    }

    /// A Ping was lost: an adaptive heartbeat applies its failure policy.
    mutating func heartbeatFailed(_ d: Int, pingHeartbeat: Int64, at t: Int64) {
        let p = pops + Int(devices[d].population)
        guard p.pointee.adaptive else { return }
        switch p.pointee.onFailure {
        case .stepDown:
            setHeartbeat(d, max(pingHeartbeat - p.pointee.heartbeatStep, p.pointee.heartbeatMin), at: t)
        case .stepDownAndLock:
            setHeartbeat(d, max(pingHeartbeat - p.pointee.heartbeatStep, p.pointee.heartbeatMin), at: t)
            devices[d].heartbeatLocked = true
        case .revert:
            let good = devices[d].lastGoodHeartbeat
            setHeartbeat(d, good > 0 ? good : p.pointee.heartbeatMin, at: t)
        }
    }
}
