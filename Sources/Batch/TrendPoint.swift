import LabCore

/// One group of answers summed up for the trend report: a model's answers in one batch, or in the whole history,
/// or of one industry. Keeps counts (numerators and denominators) next to the rates.
public struct TrendPoint: Sendable, Hashable {
    public var answers: Int
    public var succeeded: Int
    public var latencyMedian: Double?
    public var latencyP95: Double?
    public var ttftMedian: Double?
    public var tokensPerSecondMedian: Double?
    public var keywordCoverage: Double?
    public var meaningCoverage: Double?
    /// Judged answers and those the judge passed.
    public var judged: Int
    public var correct: Int
    public var cost: Double
    /// Seconds since 1970 of the group's first answer.
    public var firstSent: Double

    public init(_ records: [AnswerRecord]) {
        answers = records.count
        let succeeded = records.filter(\.success)
        self.succeeded = succeeded.count
        let latencies = succeeded.compactMap(\.latency)
        latencyMedian = Statistics.median(latencies)
        latencyP95 = Statistics.quantile(latencies, 0.95)
        ttftMedian = Statistics.median(succeeded.compactMap(\.ttft))
        tokensPerSecondMedian = Statistics.median(succeeded.compactMap(\.tokensPerSecond))
        keywordCoverage = Statistics.mean(succeeded.compactMap(\.keywordCoverage))
        meaningCoverage = Statistics.mean(succeeded.compactMap(\.meaningCoverage))
        let verdicts = records.compactMap(\.correct)
        judged = verdicts.count
        correct = verdicts.filter { $0 }.count
        cost = records.reduce(0) { $0 + ($1.cost ?? 0) }
        firstSent = records.map(\.startedAt).min() ?? 0
    }

    public var successRate: Double? { answers > 0 ? Double(succeeded) / Double(answers) : nil }
    public var correctRate: Double? { judged > 0 ? Double(correct) / Double(judged) : nil }
    /// The 95% Wilson interval of the success rate.
    public var successInterval: RateInterval? { RateInterval.wilson(Tally(passes: succeeded, total: answers)) }
}
