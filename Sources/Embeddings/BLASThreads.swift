import CBLAS

/// OpenBLAS's thread settings.
///
/// The encoder does not call OpenBLAS (its products are ``PackedLinear``'s, on its own threads); it takes its default
/// thread count from here, so `OPENBLAS_NUM_THREADS` still sets it. ``set(_:)`` sets OpenBLAS's own count, for callers
/// of OpenBLAS (``SGEMMPeak``).
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

    /// The machine's cores as OpenBLAS sees them.
    public static var cores: Int { Int(openblas_get_num_procs()) }
}
