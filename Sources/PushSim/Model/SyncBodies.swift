/// One outbox item carried by one Sync.
struct BodyEntry {
    /// The item, an index into `OutboxTable`.
    var item: Int32
    /// The next item of the same Sync, or the next free entry; −1 for none.
    var next: Int32
}

/// What each Sync carried, as the server will read it (MODEL.md §3.7): a list of outbox
/// items per request, in a slab of entries with a free list.
///
/// The device's view of an item (Pending, in flight in its current Sync) moves on when it
/// gives up on a Sync; the server's does not: a Sync that waited in the queue past the
/// device's `syncTimeout` still carries its items when it finally gets a thread. Keeping the
/// body apart from the item's state is what lets the server deliver them then.
///
/// Invariant: an item's `carriers` is the number of entries naming it; an item is released
/// only when the device is done with it and no Sync carries it any more.
struct SyncBodies: ~Copyable {
    private(set) var entries: UnsafeMutablePointer<BodyEntry>
    private var capacity: Int
    private var used = 0
    private var free: Int32 = -1

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        entries = .allocate(capacity: self.capacity)
    }

    deinit { entries.deallocate() }

    /// A new entry for `item`, linked before `next`. Amortised O(1); grows by doubling.
    mutating func allocate(item: Int, next: Int32) -> Int32 {
        let entry = BodyEntry(item: Int32(item), next: next)
        if free >= 0 {
            let i = free
            free = entries[Int(i)].next
            entries[Int(i)] = entry
            return i
        }
        if used == capacity {
            entries = entries.movedToDoubled(capacity: capacity, count: used)
            capacity *= 2
        }
        entries.advanced(by: used).initialize(to: entry)
        used += 1
        return Int32(used - 1)
    }

    /// Returns one entry to the free list; the caller has read it.
    mutating func release(_ i: Int32) {
        entries[Int(i)].next = free
        free = i
    }
}
