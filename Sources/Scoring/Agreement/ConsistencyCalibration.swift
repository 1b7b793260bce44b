import LabCore

/// Measures ``ConsistencyJudge`` (ML-I13) against labeled series (``ConsistencySeries``): a reply agrees with its
/// label when the judge skips it as the reference (`reference`), passes it (`pass`) or fails it (`fail`).
public enum ConsistencyCalibration {
    /// A reply the judge got wrong.
    public struct Mistake: Codable, Sendable, Hashable {
        public var source: String
        public var question: String
        public var reply: String
        public var label: ConsistencySeries.Label
        public var verdict: Verdict
        public var extracted: String
        public var category: String?
    }

    /// What `chatlab calibrate` prints for a consistency set.
    public struct Report: Codable, Sendable, Hashable {
        public var file: String
        public var series: Int
        public var replies: Int
        /// Share of replies judged as labeled.
        public var accuracy: Double?
        /// Keyed by label (`reference`, `pass`, `fail`).
        public var labels: [String: ClassAccuracy]
        /// Keyed by the series' classes (or `closed` / `open` when not given).
        public var classes: [String: ClassAccuracy]
        public var mistakes: [Mistake]
    }

    public static func run(_ series: [ConsistencySeries], file: String, judge: ConsistencyJudge = ConsistencyJudge()) -> Report {
        var labels: [String: ClassAccuracy] = [:]
        var classes: [String: ClassAccuracy] = [:]
        var mistakes: [Mistake] = []
        var all = ClassAccuracy()
        for item in series {
            let judgments = judge.judge(question: item.question, isClosed: item.isClosed, replies: item.replies)
            for (index, judgment) in judgments.enumerated() {
                let label = item.labels[index]
                let agreed = expected(label) == judgment.verdict
                all.add(agreed: agreed)
                labels[label.rawValue, default: ClassAccuracy()].add(agreed: agreed)
                classes[item.category ?? (item.isClosed ? "closed" : "open"), default: ClassAccuracy()].add(agreed: agreed)
                if !agreed {
                    mistakes.append(Mistake(
                        source: item.source, question: item.question, reply: item.replies[index], label: label,
                        verdict: judgment.verdict, extracted: judgment.extracted, category: item.category))
                }
            }
        }
        return Report(
            file: file, series: series.count, replies: all.items, accuracy: all.accuracy, labels: labels, classes: classes,
            mistakes: mistakes)
    }

    private static func expected(_ label: ConsistencySeries.Label) -> Verdict {
        switch label {
        case .reference: return .skipped
        case .pass: return .pass
        case .fail: return .fail
        }
    }
}
