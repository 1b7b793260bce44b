import CBLAS

/// The number of threads OpenBLAS (and the encoder's own parallel loops) use. Process-wide: OpenBLAS has one pool.
public enum BLASThreads {
    /// The current count; OpenBLAS starts with every core (or `OPENBLAS_NUM_THREADS`).
    public static var count: Int { Int(openblas_get_num_threads()) }

    /// Sets the count (at least 1).
    public static func set(_ count: Int) {
        openblas_set_num_threads(Int32(max(1, count)))
    }

    /// The machine's cores as OpenBLAS sees them.
    public static var cores: Int { Int(openblas_get_num_procs()) }
}
