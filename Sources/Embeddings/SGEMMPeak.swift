import CBLAS

/// Measures what OpenBLAS's `sgemm` sustains on this machine: the yardstick for the encoder's speed.
public enum SGEMMPeak {
    /// GFLOP/s of `n × n × n` single-precision products (2·n³ floating-point operations each) repeated on
    /// `threads` OpenBLAS threads for at least `seconds` after one warm-up product. Leaves OpenBLAS on `threads`
    /// threads.
    public static func measure(size n: Int = 2048, threads: Int, seconds: Double = 1) -> Double {
        openblas_set_num_threads(Int32(max(1, threads)))
        let a = UnsafeMutablePointer<Float>.allocate(capacity: n * n)
        let b = UnsafeMutablePointer<Float>.allocate(capacity: n * n)
        let c = UnsafeMutablePointer<Float>.allocate(capacity: n * n)
        defer { [a, b, c].forEach { $0.deallocate() } }
        for i in 0..<n * n {
            a[i] = Float(i % 7) * 0.1
            b[i] = Float(i % 5) * 0.1
        }
        let (products, elapsed) = Stopwatch.repeating(for: seconds) {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(n), Int32(n),
                        1, a, Int32(n), b, Int32(n), 0, c, Int32(n))
            return 1
        }
        return 2 * Double(n) * Double(n) * Double(n) * Double(products) / elapsed / 1e9
    }
}
