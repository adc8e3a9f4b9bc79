#if canImport(Glibc)
import CMalloc
#endif

/// Keeps glibc from returning column-sized buffers to the kernel after every batch.
///
/// Query operators allocate and free many 64 KiB–1 MiB buffers per second; with glibc's defaults
/// those above the mmap threshold are mapped and unmapped each time, and every fresh page costs a
/// page fault and a kernel zeroing (≈5% of TPC-H time in `perf`). Raising the mmap and trim
/// thresholds lets freed buffers be reused from the heap. Applied once per process, by the first
/// ``Engine`` or by the command line at start (ingest decodes into buffers of the same sizes).
public enum AllocatorTuning {
    public static let applied: Bool = {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, 64 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        #endif
        return true
    }()
}
