/// Mean, median and 95th percentile of a list of numbers (as ``Statistics`` computes them).
public struct SpreadSummary: Codable, Sendable, Hashable {
    public var mean: Double
    public var median: Double
    public var p95: Double

    /// `nil` for no values.
    public init?(_ values: [Double]) {
        guard let mean = Statistics.mean(values), let median = Statistics.median(values),
            let p95 = Statistics.quantile(values, 0.95)
        else { return nil }
        self.mean = mean
        self.median = median
        self.p95 = p95
    }
}
