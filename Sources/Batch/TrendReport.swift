import LabCore

/// The history's trends: per batch and model, per model, per model and industry, and the last batch against the
/// ones before it with regressions flagged.
public struct TrendReport: Sendable {
    /// A batch that answered, in time order.
    public struct BatchColumn: Sendable, Hashable {
        public var id: String
        public var startedAt: Double
        /// Per model.
        public var points: [String: TrendPoint]
    }

    /// A change of the last batch against the history that crosses a line (see ``Regression/rules``).
    public struct Regression: Sendable, Hashable {
        public var model: String
        public var measure: String
        public var history: Double
        public var last: Double

        /// What counts as a regression.
        public static let rules = "median latency or time to first token up by more than 25%, median tokens/s "
            + "down by more than 25%, success rate below the history's 95% Wilson interval, coverage or "
            + "correctness down by more than 0.1"
    }

    public let models: [String]
    public let industries: [String]
    public let batches: [BatchColumn]
    public let overall: [String: TrendPoint]
    /// Per model, then industry.
    public let byIndustry: [String: [String: TrendPoint]]
    /// The last batch's model points and the history before it (nil with fewer than two batches).
    public let last: (batch: BatchColumn, history: [String: TrendPoint])?
    public let regressions: [Regression]
    public let answers: Int

    public init(_ records: [AnswerRecord]) {
        answers = records.count
        models = Array(Set(records.map(\.model))).sorted()
        industries = Array(Set(records.map(\.industry))).sorted()
        let byBatch = Dictionary(grouping: records, by: \.batch)
        batches = byBatch.map { id, answers in
            BatchColumn(id: id, startedAt: answers.map(\.startedAt).min() ?? 0,
                        points: Dictionary(grouping: answers, by: \.model).mapValues(TrendPoint.init))
        }.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        overall = Dictionary(grouping: records, by: \.model).mapValues(TrendPoint.init)
        byIndustry = Dictionary(grouping: records, by: \.model).mapValues {
            Dictionary(grouping: $0, by: \.industry).mapValues(TrendPoint.init)
        }
        if batches.count >= 2, let lastBatch = batches.last {
            let earlier = records.filter { $0.batch != lastBatch.id }
            let history = Dictionary(grouping: earlier, by: \.model).mapValues(TrendPoint.init)
            last = (lastBatch, history)
            regressions = lastBatch.points.keys.sorted().flatMap { model in
                history[model].map { Self.regressions(model: model, last: lastBatch.points[model]!, history: $0) } ?? []
            }
        } else {
            last = nil
            regressions = []
        }
    }

    static func regressions(model: String, last: TrendPoint, history: TrendPoint) -> [Regression] {
        var found: [Regression] = []
        func check(_ measure: String, _ old: Double?, _ new: Double?, worse: (Double, Double) -> Bool) {
            guard let old, let new, worse(old, new) else { return }
            found.append(Regression(model: model, measure: measure, history: old, last: new))
        }
        check("median latency s", history.latencyMedian, last.latencyMedian) { $1 > $0 * 1.25 }
        check("median ttft s", history.ttftMedian, last.ttftMedian) { $1 > $0 * 1.25 }
        check("median tokens/s", history.tokensPerSecondMedian, last.tokensPerSecondMedian) { $1 < $0 * 0.75 }
        if let interval = history.successInterval {
            check("success rate", history.successRate, last.successRate) { _, new in new < interval.low }
        }
        check("keyword coverage", history.keywordCoverage, last.keywordCoverage) { $1 < $0 - 0.1 }
        check("meaning coverage", history.meaningCoverage, last.meaningCoverage) { $1 < $0 - 0.1 }
        check("correct rate", history.correctRate, last.correctRate) { $1 < $0 - 0.1 }
        return found
    }
}
