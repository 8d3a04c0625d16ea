import DiscreteEvent

/// One item in a device's outbox (MODEL.md §3.7).
struct OutboxItem {
    enum State: UInt8 {
        /// Waiting to be uploaded by the next Sync.
        case pending
        /// Uploaded by the Sync in `request`; the device does not know the outcome yet.
        case inFlight
        /// Rejected as a conflict; the user will send it again at `resendAt`.
        case waitingResend
        /// The device learned its final outcome and dropped it; it stays in the table only
        /// while a Sync that the server has not read yet still carries it (`SyncBodies`).
        case done
    }
    enum Outcome: UInt8 { case none = 0, accepted, conflict, permanentError }

    var createdAt: Int64 = 0
    var resendAt: Int64 = .max
    var request: Int32 = -1
    var next: Int32 = -1
    /// Times the server delivered it (more than one is a duplicate).
    var deliveries: UInt16 = 0
    /// Syncs whose bodies hold it (`SyncBodies`).
    var carriers: UInt16 = 0
    var state: State = .pending
    /// What the server decided about the last upload.
    var outcome: Outcome = .none
    /// Created after the warmup: its fate is counted.
    var counted = false
}

/// A slab of outbox items with a free list; items are linked per device.
struct OutboxTable: ~Copyable {
    private(set) var items: UnsafeMutablePointer<OutboxItem>
    private var capacity: Int
    private var used = 0
    private var free: Int32 = -1

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        items = .allocate(capacity: self.capacity)
    }

    deinit { items.deallocate() }

    mutating func allocate() -> Int {
        if free >= 0 {
            let i = Int(free)
            free = items[i].next
            items[i] = OutboxItem()
            return i
        }
        if used == capacity {
            items = items.movedToDoubled(capacity: capacity, count: used)
            capacity *= 2
        }
        items.advanced(by: used).initialize(to: OutboxItem())
        used += 1
        return used - 1
    }

    mutating func release(_ i: Int) {
        items[i].next = free
        free = Int32(i)
    }
}

/// The device outbox (MODEL.md §3.7): items the user sends go Pending, each makes the
/// device Sync soon, every Sync uploads every Pending item, the server accepts, rejects as
/// a conflict or rejects permanently, and a lost Sync response leaves the items Pending, so
/// that they are uploaded — and, without `serverDeduplicates`, delivered — again.
///
/// Item counts are attributed by creation time: an item created after the warmup is
/// counted in `created` and in exactly one of acknowledged, conflict or permanent error
/// (its final outcome as the device learns it), or in Pending at the end.
extension ServerRun {
    /// The user sends an item: it goes Pending and the device Syncs now, even during a
    /// backoff (a single-connection device abandons its Ping, so outbox traffic also makes
    /// 409s).
    mutating func outboxItemCreated(_ d: Int, at t: Int64) {
        let dev = devices + d
        let population = Int(dev.pointee.population)
        let p = pops + population
        let i = outbox.allocate()
        outbox.items[i].createdAt = t
        outbox.items[i].counted = measuring(t)
        outbox.items[i].next = dev.pointee.outboxFirst
        dev.pointee.outboxFirst = Int32(i)
        if measuring(t) { metrics[population].counters.outboxCreated &+= 1 }
        var stream = p.pointee.stream(.outbox, device: localIndex(d), counter: dev.pointee.outboxCounter)
        dev.pointee.nextOutboxAt = p.pointee.outbox.next(after: t, &stream)
        dev.pointee.outboxCounter = stream.counter
        userWantsSync(d, cause: .outbox, at: t)
    }

    /// A Sync is being sent: it carries every Pending item, in the device's order. Returns
    /// how many.
    mutating func uploadOutbox(_ d: Int, request slot: Int, at t: Int64) -> Int {
        var count = 0
        var head: Int32 = -1, tail: Int32 = -1
        var i = Int(devices[d].outboxFirst)
        while i >= 0 {
            let item = outbox.items + i
            if item.pointee.state == .pending {
                item.pointee.state = .inFlight
                item.pointee.request = Int32(slot)
                item.pointee.outcome = .none
                item.pointee.carriers &+= 1
                let entry = bodies.allocate(item: i, next: -1)
                if tail < 0 { head = entry } else { bodies.entries[Int(tail)].next = entry }
                tail = entry
                count += 1
            }
            i = Int(item.pointee.next)
        }
        requests.slots[slot].body = head
        return count
    }

    /// The server reads a Sync's body when the Sync starts on a thread — even a Sync its
    /// device has given up on (MODEL.md §3.7): each item is accepted and delivered,
    /// rejected as a conflict, or rejected for good. With `serverDeduplicates` an item it
    /// already accepted is acknowledged without a second delivery. The device learns the
    /// outcome only from the Sync it is waiting for, so only that one records it.
    mutating func outboxProcessed(_ d: Int, request slot: Int, at t: Int64) {
        var entry = requests.slots[slot].body
        guard entry >= 0 else { return }
        let dev = devices + d
        let population = Int(dev.pointee.population)
        let p = pops + population
        var stream = p.pointee.stream(.outboxOutcome, device: localIndex(d), counter: dev.pointee.outboxOutcomeCounter)
        while entry >= 0 {
            let item = outbox.items + Int(bodies.entries[Int(entry)].item)
            entry = bodies.entries[Int(entry)].next
            let outcome: OutboxItem.Outcome
            if item.pointee.deliveries > 0 && p.pointee.serverDeduplicates {
                outcome = .accepted
            } else {
                let u = stream.nextUnit()
                if u < p.pointee.conflictProbability {
                    outcome = .conflict
                } else if u < p.pointee.conflictProbability + p.pointee.permanentErrorProbability {
                    outcome = .permanentError
                } else {
                    outcome = .accepted
                    item.pointee.deliveries &+= 1
                    probe.outboxDelivered(device: d, createdAt: item.pointee.createdAt,
                                          copy: Int(item.pointee.deliveries), at: t)
                    if item.pointee.counted {
                        if item.pointee.deliveries == 1 {
                            metrics[population].counters.outboxDelivered &+= 1
                        } else {
                            metrics[population].counters.outboxDuplicates &+= 1
                        }
                    }
                }
            }
            if item.pointee.state == .inFlight && item.pointee.request == Int32(slot) { item.pointee.outcome = outcome }
        }
        dev.pointee.outboxOutcomeCounter = stream.counter
    }

    /// The request in `slot` is being released: its body no longer holds its items, and an
    /// item the device is done with goes once no Sync carries it.
    mutating func releaseBody(_ slot: Int) {
        var entry = requests.slots[slot].body
        requests.slots[slot].body = -1
        while entry >= 0 {
            let i = Int(bodies.entries[Int(entry)].item)
            let next = bodies.entries[Int(entry)].next
            bodies.release(entry)
            outbox.items[i].carriers &-= 1
            if outbox.items[i].carriers == 0 && outbox.items[i].state == .done { outbox.release(i) }
            entry = next
        }
    }

    /// The Sync's response reached the device: it learns each uploaded item's outcome.
    mutating func outboxAcknowledged(_ d: Int, request slot: Int, at t: Int64) {
        let dev = devices + d
        let population = Int(dev.pointee.population)
        let p = pops + population
        var previous = -1
        var i = Int(dev.pointee.outboxFirst)
        while i >= 0 {
            let item = outbox.items + i
            let next = Int(item.pointee.next)
            guard item.pointee.state == .inFlight && item.pointee.request == Int32(slot) else {
                previous = i
                i = next
                continue
            }
            var remove = true
            switch item.pointee.outcome {
            case .accepted:
                if item.pointee.counted {
                    metrics[population].outboxDeliveryDelay.add(t - item.pointee.createdAt)
                    metrics[population].outboxPendingAge.add(t - item.pointee.createdAt)
                    metrics[population].counters.outboxAcknowledged &+= 1
                }
            case .conflict:
                var stream = p.pointee.stream(.outboxOutcome, device: localIndex(d), counter: dev.pointee.outboxOutcomeCounter)
                if stream.bernoulli(p.pointee.resendProbability) {
                    item.pointee.state = .waitingResend
                    item.pointee.resendAt = t + p.pointee.resendDelay.sample(&stream)
                    item.pointee.request = -1
                    if item.pointee.resendAt < dev.pointee.outboxResendAt { dev.pointee.outboxResendAt = item.pointee.resendAt }
                    remove = false
                } else if item.pointee.counted {
                    metrics[population].counters.outboxConflicts &+= 1
                    metrics[population].outboxPendingAge.add(t - item.pointee.createdAt)
                }
                dev.pointee.outboxOutcomeCounter = stream.counter
            case .permanentError:
                if item.pointee.counted {
                    metrics[population].counters.outboxPermanentErrors &+= 1
                    metrics[population].outboxPendingAge.add(t - item.pointee.createdAt)
                }
            case .none:
                // The Sync ended without the server processing the upload: still Pending.
                item.pointee.state = .pending
                item.pointee.request = -1
                remove = false
            }
            if remove {
                if previous < 0 { dev.pointee.outboxFirst = Int32(next) } else { outbox.items[previous].next = Int32(next) }
                if item.pointee.carriers == 0 { outbox.release(i) } else { item.pointee.state = .done }
            } else {
                previous = i
            }
            i = next
        }
    }

    /// The Sync failed (no answer, 503, reset): its items are Pending again.
    mutating func outboxSyncFailed(_ d: Int, request slot: Int) {
        var i = Int(devices[d].outboxFirst)
        while i >= 0 {
            if outbox.items[i].state == .inFlight && outbox.items[i].request == Int32(slot) {
                outbox.items[i].state = .pending
                outbox.items[i].request = -1
            }
            i = Int(outbox.items[i].next)
        }
    }

    /// True when the device holds items that no Sync carries yet.
    func outboxHasPending(_ d: Int) -> Bool {
        var i = Int(devices[d].outboxFirst)
        while i >= 0 {
            if outbox.items[i].state == .pending { return true }
            i = Int(outbox.items[i].next)
        }
        return false
    }

    /// Conflicted items whose resend time has come go Pending again.
    mutating func outboxResendsDue(_ d: Int, at t: Int64) {
        let dev = devices + d
        let population = Int(dev.pointee.population)
        var earliest = Int64.max
        var i = Int(dev.pointee.outboxFirst)
        while i >= 0 {
            let item = outbox.items + i
            if item.pointee.state == .waitingResend {
                if item.pointee.resendAt <= t {
                    item.pointee.state = .pending
                    item.pointee.resendAt = .max
                    if item.pointee.counted { metrics[population].counters.outboxResent &+= 1 }
                } else {
                    earliest = min(earliest, item.pointee.resendAt)
                }
            }
            i = Int(item.pointee.next)
        }
        dev.pointee.outboxResendAt = earliest
    }

    /// Items still Pending at the end of the run, with their ages.
    func outboxFinalFigures(_ d: Int, into a: inout Accumulated) {
        var i = Int(devices[d].outboxFirst)
        while i >= 0 {
            let item = outbox.items[i]
            if item.counted {
                a.outboxPendingAtEnd += 1
                a.outboxPendingAges.add(end - item.createdAt)
            }
            i = Int(item.next)
        }
    }
}
