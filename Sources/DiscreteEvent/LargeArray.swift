#if canImport(Glibc)
import Glibc
#endif

/// Storage for the large arrays of a simulation (per-entity state indexed at random), backed
/// by 2 MB pages where the system allows it.
///
/// A model with a million entities reads its state at random: with 4 KB pages nearly every
/// access also misses the TLB, and the page walk costs about as much as the cache miss
/// itself. Linux gives a region transparent huge pages when asked (`madvise`,
/// `MADV_HUGEPAGE`; the default "madvise" setting gives them to no one else), so regions
/// of at least `threshold` bytes are aligned to 2 MB and marked. Smaller ones, and other
/// systems, get ordinary memory. Free with `deallocate`, as any pointer.
public enum LargeArray {
    /// Regions smaller than this are left on ordinary pages (a huge page would mostly
    /// hold memory the region does not use).
    public static let threshold = 8 << 20
    static let hugePage = 2 << 20

    /// Uninitialised memory for `count` values of `T`, aligned to at least `alignment`.
    public static func allocate<T>(_ type: T.Type = T.self, capacity count: Int, alignment: Int = 64) -> UnsafeMutablePointer<T> {
        let bytes = max(1, count) * MemoryLayout<T>.stride
        let large = bytes >= threshold
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes,
                                                   alignment: large ? hugePage : max(alignment, MemoryLayout<T>.alignment))
        #if canImport(Glibc)
        if large { _ = madvise(raw, bytes, MADV_HUGEPAGE) }   // advice only: failure leaves 4 KB pages
        #endif
        return raw.bindMemory(to: T.self, capacity: max(1, count))
    }
}
