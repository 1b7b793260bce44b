/// Counts of a judge's verdicts against people's labels, with "pass" as the positive class.
public struct ConfusionMatrix: Codable, Sendable, Hashable {
    /// Judge pass, label pass.
    public var truePositives = 0
    /// Judge pass, label fail.
    public var falsePositives = 0
    /// Judge fail, label fail.
    public var trueNegatives = 0
    /// Judge fail, label pass.
    public var falseNegatives = 0

    public init(truePositives: Int = 0, falsePositives: Int = 0, trueNegatives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives
        self.falseNegatives = falseNegatives
    }

    /// Counts one item: `predicted` is the judge's pass, `actual` the label's.
    public mutating func add(predicted: Bool, actual: Bool) {
        switch (predicted, actual) {
        case (true, true): truePositives += 1
        case (true, false): falsePositives += 1
        case (false, false): trueNegatives += 1
        case (false, true): falseNegatives += 1
        }
    }

    public var total: Int { truePositives + falsePositives + trueNegatives + falseNegatives }

    /// Share of items judged as labeled; nil without items.
    public var accuracy: Double? { ratio(truePositives + trueNegatives, total) }
    /// Of the items judged pass, the share labeled pass; nil when none was judged pass.
    public var precision: Double? { ratio(truePositives, truePositives + falsePositives) }
    /// Of the items labeled pass, the share judged pass; nil when none is labeled pass.
    public var recall: Double? { ratio(truePositives, truePositives + falseNegatives) }

    private func ratio(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }

    public static func + (lhs: Self, rhs: Self) -> Self {
        Self(
            truePositives: lhs.truePositives + rhs.truePositives, falsePositives: lhs.falsePositives + rhs.falsePositives,
            trueNegatives: lhs.trueNegatives + rhs.trueNegatives, falseNegatives: lhs.falseNegatives + rhs.falseNegatives)
    }
}
