/// Passes and totals split by a property of the probe: perturbation level (the 20-bucket histograms of ML-U3...U6),
/// or fact–question distance (ML-I1).
public struct Breakdown: Codable, Sendable, Hashable {
    /// E.g. `ML-U3 by typo level`.
    public var title: String
    /// What the buckets mean, for axes and legends.
    public var axis: String
    /// One label per bucket ("0–5 %", "1 round"...).
    public var labels: [String]
    public var tallies: [Tally]

    public init(title: String, axis: String, labels: [String], tallies: [Tally]? = nil) {
        self.title = title
        self.axis = axis
        self.labels = labels
        self.tallies = tallies ?? Array(repeating: Tally(), count: labels.count)
    }

    /// Bucket-wise sum of breakdowns with the same buckets (for the summary's total row).
    public static func + (lhs: Breakdown, rhs: Breakdown) -> Breakdown {
        var sum = lhs
        for index in sum.tallies.indices where index < rhs.tallies.count {
            sum.tallies[index] = sum.tallies[index] + rhs.tallies[index]
        }
        return sum
    }
}
