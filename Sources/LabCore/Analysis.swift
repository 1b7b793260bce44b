/// Everything the reports show: the experiment, and for each run its transcript and scores.
public struct Analysis: Sendable {
    public var experiment: ExperimentInfo
    public var columns: ColumnOptions
    public var runs: [RunAnalysis]
    /// The catalogue entries of the analysed codes, with the thresholds the scorers had in force (filled by the
    /// analyzer; empty when the analysis was made by hand). Reports read meanings, units and rules from here.
    public var checks: CheckCatalogue

    public init(experiment: ExperimentInfo, columns: ColumnOptions, runs: [RunAnalysis], checks: CheckCatalogue = CheckCatalogue()) {
        self.experiment = experiment
        self.columns = columns
        self.runs = runs
        self.checks = checks
    }

    /// The scorer series present in the analysis (code, title, seat), in first-seen order.
    public var seriesKeys: [SeriesKey] {
        var seen = Set<SeriesKey>()
        var keys: [SeriesKey] = []
        for run in runs {
            for series in run.series where seen.insert(series.key).inserted {
                keys.append(series.key)
            }
        }
        return keys
    }

    /// A series' breakdowns summed over all runs, bucket by bucket.
    public func totalBreakdowns(_ key: SeriesKey) -> [Breakdown] {
        var totals: [Breakdown] = []
        for run in runs {
            for breakdown in run.series(key)?.result.breakdowns ?? [] {
                if let index = totals.firstIndex(where: { $0.title == breakdown.title }) {
                    totals[index] = totals[index] + breakdown
                } else {
                    totals.append(breakdown)
                }
            }
        }
        return totals
    }

    /// Probes planned and placed per test code, over all runs.
    public var probeCounts: [String: ProbeCount] {
        runs.reduce(into: [:]) { totals, run in
            for (code, count) in run.plan?.counts ?? [:] { totals[code, default: ProbeCount()] = totals[code, default: ProbeCount()] + count }
        }
    }

    /// Passes and total for a series over all runs.
    public func total(_ key: SeriesKey) -> Tally {
        runs.reduce(Tally()) { $0 + ($1.series(key)?.result.tally ?? Tally()) }
    }
}

/// Which of the three columns per scorer the reports show.
public struct ColumnOptions: Codable, Sendable, Hashable {
    public var binary: Bool
    public var detailed: Bool
    public var interpretation: Bool

    public init(binary: Bool = true, detailed: Bool = true, interpretation: Bool = true) {
        self.binary = binary
        self.detailed = detailed
        self.interpretation = interpretation
    }
}

/// One run's transcript and its scores.
public struct RunAnalysis: Sendable {
    public var transcript: Transcript
    public var seed: UInt64
    public var series: [ScoreSeries]
    /// The run's probe plan, when the experiment has probes.
    public var plan: ProbePlan?

    public init(transcript: Transcript, seed: UInt64, series: [ScoreSeries], plan: ProbePlan? = nil) {
        self.transcript = transcript
        self.seed = seed
        self.series = series
        self.plan = plan
    }

    public var run: Int { transcript.run }

    public func series(_ key: SeriesKey) -> ScoreSeries? { series.first { $0.key == key } }
}

/// Identifies one scorer applied to one seat.
public struct SeriesKey: Codable, Sendable, Hashable {
    public var code: String
    public var title: String
    public var seat: Seat

    public init(code: String, title: String, seat: Seat) {
        self.code = code
        self.title = title
        self.seat = seat
    }
}

/// One scorer's result for one seat in one run.
public struct ScoreSeries: Sendable {
    public var key: SeriesKey
    public var result: ScoreResult

    public init(key: SeriesKey, result: ScoreResult) {
        self.key = key
        self.result = result
    }
}
