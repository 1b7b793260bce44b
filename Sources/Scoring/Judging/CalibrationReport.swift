import LabCore

/// How well the answer judges agree with people on a labeled set; what `chatlab calibrate` prints, as JSON or text.
public struct CalibrationReport: Codable, Sendable, Hashable {
    /// Accuracy, precision and recall (positive class: pass) over some items.
    public struct Metrics: Codable, Sendable, Hashable {
        public var items: Int
        public var accuracy: Double?
        public var precision: Double?
        public var recall: Double?
        public var confusion: ConfusionMatrix

        public init(_ confusion: ConfusionMatrix) {
            self.confusion = confusion
            items = confusion.total
            accuracy = confusion.accuracy
            precision = confusion.precision
            recall = confusion.recall
        }
    }

    /// An item a judge got wrong.
    public struct Mistake: Codable, Sendable, Hashable {
        public var source: String
        public var kind: CalibrationItem.Kind
        public var question: String
        public var expected: String
        public var reply: String
        public var label: Verdict
        public var verdict: Verdict
        public var extracted: String
        public var score: Double?
        public var category: String?
    }

    /// One judge's results.
    public struct JudgeResult: Codable, Sendable, Hashable {
        /// `default`, `closed`, `lexical-open`, `semantic-open`.
        public var name: String
        /// What the judge is, for people.
        public var summary: String
        public var overall: Metrics
        /// Keyed by kind (`open`, `closed`): only the kinds the judge handles.
        public var kinds: [String: Metrics]
        /// Keyed by the items' classes (``CalibrationItem/className``).
        public var classes: [String: ClassAccuracy]
        /// For judges that score items: the threshold on the score that maximises accuracy on all items.
        public var bestThreshold: ThresholdSweep.Choice?
        /// For judges that score items: a threshold fitted on one half of the items and measured on the other.
        public var heldOut: HeldOutThreshold?
        public var mistakes: [Mistake]
    }

    /// The calibration file.
    public var file: String
    public var items: Int
    /// The default judge's overall accuracy (0...1).
    public var accuracy: Double
    public var precision: Double?
    public var recall: Double?
    /// The default judge per kind.
    public var kinds: [String: Metrics]
    /// The default judge per class of item.
    public var classes: [String: ClassAccuracy]
    public var judges: [JudgeResult]
    /// Judges not run, and why ("semantic-open: no text encoder available").
    public var skipped: [String]

    public func judge(_ name: String) -> JudgeResult? { judges.first { $0.name == name } }
}
