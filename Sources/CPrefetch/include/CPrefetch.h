#ifndef PUSHSIM_CPREFETCH_H
#define PUSHSIM_CPREFETCH_H

/// A hint to the CPU to start loading the cache line at `address` (Swift has no prefetch
/// primitive). Never faults, never changes results; inlined into the Swift caller.
static inline __attribute__((always_inline)) void pushsim_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

/// The same, for a line that will be written.
static inline __attribute__((always_inline)) void pushsim_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
