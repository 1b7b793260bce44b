import LabCore

/// What the lab's scorers said of the replies of a load test: per scorer overall, and per number of users (one
/// entry per step of a step load), so quality can be plotted against load.
public struct QualityResults: Sendable, Codable, Hashable {
    public var overall: [QualityMeasure]
    public var byUsers: [Step]
    /// Answered replies not scored because too many were waiting (see ``QualityMonitor/maxQueued``).
    public var notScored = 0

    /// The measures of the replies sent by one number of users.
    public struct Step: Sendable, Codable, Hashable {
        public var users: Int
        public var measures: [QualityMeasure]
    }

    public init(overall: [QualityMeasure] = [], byUsers: [Step] = [], notScored: Int = 0) {
        self.overall = overall
        self.byUsers = byUsers
        self.notScored = notScored
    }

    /// These results and another's added up (the shards of one test): measures with the same code add their counts.
    public func adding(_ other: QualityResults) -> QualityResults {
        func sum(_ left: [QualityMeasure], _ right: [QualityMeasure]) -> [QualityMeasure] {
            var merged = left
            for measure in right {
                if let at = merged.firstIndex(where: { $0.code == measure.code }) {
                    merged[at].tally = merged[at].tally + measure.tally
                    merged[at].scored += measure.scored
                    merged[at].scoreSum += measure.scoreSum
                } else {
                    merged.append(measure)
                }
            }
            return merged
        }
        var steps = byUsers
        for step in other.byUsers {
            if let at = steps.firstIndex(where: { $0.users == step.users }) {
                steps[at].measures = sum(steps[at].measures, step.measures)
            } else {
                steps.append(step)
            }
        }
        return QualityResults(overall: sum(overall, other.overall), byUsers: steps.sorted { $0.users < $1.users },
                              notScored: notScored + other.notScored)
    }
}

/// One scorer's verdicts over a set of replies: passes of those it could judge, and the mean of its scores.
public struct QualityMeasure: Sendable, Codable, Hashable {
    /// The scorer's code (e.g. `ML-A6`, or `answer` for answer correctness) and title.
    public var code: String
    public var title: String
    /// Passes / judged replies (skipped ones are not counted).
    public var tally = Tally()
    /// Replies that had a score, and their sum.
    public var scored = 0
    public var scoreSum = 0.0

    public init(code: String, title: String) {
        self.code = code
        self.title = title
    }

    /// The mean score, `nil` when no reply had one.
    public var meanScore: Double? { scored == 0 ? nil : scoreSum / Double(scored) }

    mutating func add(_ verdict: Verdict, score: Double?) {
        tally.add(verdict)
        if let score, score.isFinite {
            scored += 1
            scoreSum += score
        }
    }
}
