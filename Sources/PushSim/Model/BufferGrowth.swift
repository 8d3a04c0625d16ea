extension UnsafeMutablePointer {
    /// A buffer of twice `capacity` elements holding the first `count` of this one, moved
    /// there; this one is freed. For the model's small slabs, which grow by doubling.
    func movedToDoubled(capacity: Int, count: Int) -> UnsafeMutablePointer<Pointee> {
        let bigger = UnsafeMutablePointer<Pointee>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: self, count: count)
        deallocate()
        return bigger
    }
}
