/// The device outbox (MODEL.md §3.7). Filled in by the outbox issue; until then a
/// population creates no outbox items.
extension ServerRun {
    mutating func outboxItemCreated(_ d: Int, at t: Int64) {
        devices[d].nextOutboxAt = .max
    }

    /// Outbox items a Sync uploads; returns how many.
    mutating func uploadOutbox(_ d: Int, request slot: Int, at t: Int64) -> Int { 0 }

    /// The device learned the outcome of `items` uploaded items.
    mutating func outboxAcknowledged(_ d: Int, items: UInt16, at t: Int64) {}
}

extension ServerRun {
    /// Items still Pending on the device at the end of the run, with their ages.
    func outboxFinalFigures(_ d: Int, into a: inout Accumulated) {}
}
