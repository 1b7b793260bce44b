import CBLAS

/// The number of threads the encoder uses (process-wide; default every core, or `OPENBLAS_NUM_THREADS`).
///
/// The encoder runs every OpenBLAS call on one thread and spreads its work over this many threads itself (see
/// ``PassPlan``), so OpenBLAS's own thread count stays at 1 once the encoder has run; ``set(_:)`` also sets
/// OpenBLAS's count, for other callers of OpenBLAS (``SGEMMPeak``).
public enum BLASThreads {
    private static let configured = Locked(Int(openblas_get_num_threads()))

    /// The current count.
    public static var count: Int { configured.withLock { $0 } }

    /// Sets the count (at least 1), for the encoder and for OpenBLAS.
    public static func set(_ count: Int) {
        let count = max(1, count)
        configured.withLock { $0 = count }
        openblas_set_num_threads(Int32(count))
    }

    /// Puts OpenBLAS itself on one thread, leaving ``count`` as it is.
    static func runOpenBLASOnOneThread() {
        if openblas_get_num_threads() != 1 { openblas_set_num_threads(1) }
    }

    /// The machine's cores as OpenBLAS sees them.
    public static var cores: Int { Int(openblas_get_num_procs()) }
}
