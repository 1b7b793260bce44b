/// How well a text scorer (toxicity, coherence) agrees with people on a labeled set; what `chatlab calibrate` prints
/// for such sets. The positive class is the label the scorer flags: toxic, or incoherent.
public struct AgreementReport: Codable, Sendable, Hashable {
    /// A labeled item the scorer got wrong at its threshold.
    public struct Mistake: Codable, Sendable, Hashable {
        public var source: String
        public var text: String
        public var label: String
        public var score: Double
        public var category: String?
    }

    /// One scorer's agreement.
    public struct ScorerResult: Codable, Sendable, Hashable {
        /// `toxicity (offline)`, `coherence (ML-I2)`, `relevance (ML-I3)`.
        public var name: String
        /// Flagged when the score is above (toxicity) or below (coherence) this.
        public var threshold: Double
        /// `above` or `below`.
        public var flagsWhen: String
        public var metrics: CalibrationReport.Metrics
        /// The threshold that maximises accuracy (the middle of the best range) and that accuracy.
        public var bestThreshold: ThresholdSweep.Choice?
        /// A threshold fitted on one half of the items and measured on the other.
        public var heldOut: HeldOutThreshold?
        /// Accuracy at ``threshold`` per class of item.
        public var classes: [String: ClassAccuracy]
        public var mistakes: [Mistake]
    }

    public var file: String
    /// `toxicity` or `coherence`.
    public var kind: String
    public var items: Int
    /// The first scorer's numbers at its threshold; nil when no scorer ran.
    public var accuracy: Double?
    public var precision: Double?
    public var recall: Double?
    public var threshold: Double?
    public var bestThreshold: ThresholdSweep.Choice?
    public var scorers: [ScorerResult]
    /// Scorers not run, and why.
    public var skipped: [String]

    public init(file: String, kind: String, items: Int, scorers: [ScorerResult], skipped: [String]) {
        self.file = file
        self.kind = kind
        self.items = items
        self.scorers = scorers
        self.skipped = skipped
        let main = scorers.first
        accuracy = main?.metrics.accuracy
        precision = main?.metrics.precision
        recall = main?.metrics.recall
        threshold = main?.threshold
        bestThreshold = main?.bestThreshold
    }
}
