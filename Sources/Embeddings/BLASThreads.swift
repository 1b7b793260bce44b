import CBLAS

/// OpenBLAS's thread settings.
///
/// The encoder runs every OpenBLAS call on one thread and spreads its work over its own ``MiniLMEncoder/threads``
/// (see ``PassPlan``), so OpenBLAS's own thread count stays at 1 once the encoder has run; ``set(_:)`` sets OpenBLAS's
/// count for other callers of OpenBLAS (``SGEMMPeak``).
public enum BLASThreads {
    /// The thread count OpenBLAS started with (`OPENBLAS_NUM_THREADS`, or every core): the encoder's default.
    public static let initial = Int(openblas_get_num_threads())

    /// OpenBLAS's own current count.
    public static var count: Int { Int(openblas_get_num_threads()) }

    /// Sets OpenBLAS's own count (at least 1), for callers of OpenBLAS other than the encoder.
    public static func set(_ count: Int) {
        _ = initial
        openblas_set_num_threads(Int32(max(1, count)))
    }

    /// Puts OpenBLAS itself on one thread.
    static func runOpenBLASOnOneThread() {
        _ = initial
        if openblas_get_num_threads() != 1 { openblas_set_num_threads(1) }
    }

    /// The machine's cores as OpenBLAS sees them.
    public static var cores: Int { Int(openblas_get_num_procs()) }
}
