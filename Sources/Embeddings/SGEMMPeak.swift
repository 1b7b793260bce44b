import CBLAS
import Dispatch

/// Measures what OpenBLAS's `sgemm` reaches on this machine: the yardstick for the encoder's speed.
public enum SGEMMPeak {
    /// GFLOP/s of an `n × n × n` single-precision product on `threads` threads: the best of `repeats` runs after
    /// one warm-up (2·n³ floating-point operations each). Leaves OpenBLAS on `threads` threads.
    public static func measure(size n: Int = 2048, threads: Int, repeats: Int = 5) -> Double {
        BLASThreads.set(threads)
        let a = UnsafeMutablePointer<Float>.allocate(capacity: n * n)
        let b = UnsafeMutablePointer<Float>.allocate(capacity: n * n)
        let c = UnsafeMutablePointer<Float>.allocate(capacity: n * n)
        defer { [a, b, c].forEach { $0.deallocate() } }
        for i in 0..<n * n {
            a[i] = Float(i % 7) * 0.1
            b[i] = Float(i % 5) * 0.1
        }
        var best = Double.infinity
        for run in 0...repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(n), Int32(n),
                        1, a, Int32(n), b, Int32(n), 0, c, Int32(n))
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if run > 0 { best = min(best, seconds) }
        }
        return 2 * Double(n) * Double(n) * Double(n) / best / 1e9
    }
}
