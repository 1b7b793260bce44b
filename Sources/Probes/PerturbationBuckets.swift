/// Bucket labels of the perturbation histograms (20 buckets each).
enum PerturbationBuckets {
    /// `0–5 %` ... `95–100 %`.
    static let fivePercentSteps = (0..<20).map { "\($0 * 5)–\($0 * 5 + 5) %" }
    /// `0` ... `19`.
    static let counts = (0..<20).map(String.init)
}
