/// Finds the score threshold that best separates passes from fails, for judges that score their items.
public enum ThresholdSweep {
    /// The best threshold and the accuracy it reaches.
    public struct Choice: Codable, Sendable, Hashable {
        /// Items pass when their score is at least this.
        public var threshold: Double
        public var accuracy: Double

        public init(threshold: Double, accuracy: Double) {
            self.threshold = threshold
            self.accuracy = accuracy
        }
    }

    /// Tries every distinct score (and one above the highest) as the threshold `score ≥ t ⇒ pass` and returns the
    /// one with the highest accuracy against `positive` (the label is pass); the lowest such threshold on a tie.
    /// Items without a score count as 0. Nil when there are no items.
    public static func best(_ items: [(score: Double?, positive: Bool)]) -> Choice? {
        guard !items.isEmpty else { return nil }
        let scores = items.map { $0.score ?? 0 }
        var thresholds = Set(scores).sorted()
        thresholds.append((thresholds.last ?? 0) + 1e-9)
        var best: Choice?
        for threshold in thresholds {
            let right = zip(scores, items).filter { ($0 >= threshold) == $1.positive }.count
            let accuracy = Double(right) / Double(items.count)
            if accuracy > (best?.accuracy ?? -1) { best = Choice(threshold: threshold, accuracy: accuracy) }
        }
        return best
    }
}
