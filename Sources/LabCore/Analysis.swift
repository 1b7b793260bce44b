/// Everything the summaries show: the experiment, and for each run its counts and scores.
///
/// Built run by run: an analysis of many runs holds them summarized (``RunAnalysis/summarized()``: counts, tallies,
/// scores and statistics, no turns or cells), while the run workbook takes each full run as it is scored.
public struct Analysis: Sendable {
    public var experiment: ExperimentInfo
    public var columns: ColumnOptions
    /// The runs, in order; see ``append(_:)`` for an analysis built run by run. Setting them recomputes the totals.
    public var runs: [RunAnalysis] {
        get { storedRuns }
        set {
            storedRuns = []
            breakdownTotals = [:]
            usage = [:]
            firstErrors = [:]
            for run in newValue { add(run, keeping: run) }
        }
    }
    private var storedRuns: [RunAnalysis] = []
    /// The catalogue entries of the analysed codes, with the thresholds the scorers had in force (filled by the
    /// analyzer; empty when the analysis was made by hand). Reports read meanings, units and rules from here.
    public var checks: CheckCatalogue
    /// The series every run is scored in, in column order; derived from the runs when not given.
    private var declaredKeys: [SeriesKey]?
    /// What the runs' conversation records add up to (end reasons, seconds).
    public var conversations: ConversationTotals
    /// The conversation records of simulated conversations (those with a simulated user's details), for the
    /// Simulation sheet.
    public var simulations: [ConversationRecord] = []
    /// Every series' breakdowns summed over the runs so far, bucket by bucket.
    private var breakdownTotals: [SeriesKey: [Breakdown]] = [:]
    /// Token usage and speed per seat over the runs so far, from the turns' metrics; seats that reported none are
    /// absent. Added to as runs are added, so the turns can be let go.
    public private(set) var usage: [Seat: UsageTotals] = [:]
    /// Each seat's price per million tokens, when its chatter's config gives one (config `price`).
    public var prices: [Seat: TokenPrice] = [:]
    /// Each series' statistics pooled over all runs (set by the report pipeline), for gates on latency percentiles.
    public var totalStatistics: [SeriesKey: [Statistic]] = [:]
    /// The first failure of each seat over the runs so far, as the transcript recorded it (for messages saying why a
    /// chatter answered nothing).
    public private(set) var firstErrors: [Seat: TurnError] = [:]
    /// The correctness rules' counts (the experiment's `rules:`), empty when none ran; shown on the `Rules` sheets.
    public var rules: [RuleTally] = []

    public init(
        experiment: ExperimentInfo, columns: ColumnOptions, runs: [RunAnalysis] = [], checks: CheckCatalogue = CheckCatalogue(),
        seriesKeys: [SeriesKey]? = nil, conversations: ConversationTotals = ConversationTotals()
    ) {
        self.experiment = experiment
        self.columns = columns
        self.checks = checks
        declaredKeys = seriesKeys
        self.conversations = conversations
        for run in runs { add(run, keeping: run) }
    }

    /// Adds a run, keeping only what the summaries need (``RunAnalysis/summarized(keepingDetails:)``): its
    /// breakdowns go into the totals, its turns, cells, tables and probe texts are let go.
    public mutating func append(_ run: RunAnalysis) {
        add(run, keeping: run.summarized(keepingDetails: false))
    }

    private mutating func add(_ run: RunAnalysis, keeping kept: RunAnalysis) {
        for turn in run.transcript.turns {
            if let error = turn.error, firstErrors[turn.seat] == nil { firstErrors[turn.seat] = error }
            guard let metrics = turn.metrics else { continue }
            var totals = usage[turn.seat] ?? UsageTotals()
            totals.add(metrics)
            if !totals.isEmpty { usage[turn.seat] = totals }
        }
        for series in run.series {
            var totals = breakdownTotals[series.key, default: []]
            for breakdown in series.result.breakdowns {
                if let index = totals.firstIndex(where: { $0.title == breakdown.title }) {
                    totals[index] = totals[index] + breakdown
                } else {
                    totals.append(breakdown)
                }
            }
            breakdownTotals[series.key] = totals
        }
        storedRuns.append(kept)
    }

    /// The scorer series present in the analysis (code, title, seat), in first-seen order.
    public var seriesKeys: [SeriesKey] {
        if let declaredKeys { return declaredKeys }
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
    public func totalBreakdowns(_ key: SeriesKey) -> [Breakdown] { breakdownTotals[key] ?? [] }

    /// Probes planned and placed per test code, over all runs.
    public var probeCounts: [String: ProbeCount] {
        runs.reduce(into: [:]) { totals, run in
            for (code, count) in run.probeCounts ?? [:] { totals[code, default: ProbeCount()] = totals[code, default: ProbeCount()] + count }
        }
    }

    /// Whether the runs had probes.
    public var hasProbes: Bool { runs.contains { $0.probeCounts != nil } }

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
    /// The turns; empty in a summarized run (``counts`` keeps what the summaries need). Setting it recounts.
    public var transcript: Transcript { didSet { counts = RunCounts(transcript) } }
    public var seed: UInt64
    public var series: [ScoreSeries]
    /// The run's probe plan, when the experiment has probes.
    public var plan: ProbePlan?
    /// Rounds, turns and failures, counted from the transcript.
    public private(set) var counts: RunCounts
    /// Probes planned and placed per test code (the plan's counts, kept when the plan is let go).
    public private(set) var probeCounts: [String: ProbeCount]?

    public init(transcript: Transcript, seed: UInt64, series: [ScoreSeries], plan: ProbePlan? = nil) {
        self.transcript = transcript
        self.seed = seed
        self.series = series
        self.plan = plan
        counts = RunCounts(transcript)
        probeCounts = plan?.counts
    }

    public var run: Int { transcript.run }

    /// The same run without its turns, score cells and probe plan (its counts stay), for summaries over many runs.
    /// - Parameter keepingDetails: keep the score tables and breakdowns (the run workbook's last sheets need them).
    public func summarized(keepingDetails: Bool = true) -> RunAnalysis {
        var copy = self
        copy.transcript = Transcript(run: transcript.run)
        copy.counts = counts
        copy.plan = nil
        copy.series = series.map { ScoreSeries(key: $0.key, result: $0.result.summarized(keepingDetails: keepingDetails)) }
        return copy
    }

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

/// What the summaries count about a run's turns.
public struct RunCounts: Sendable, Hashable {
    /// Rounds with at least one turn.
    public var rounds: Int
    public var turns: Int
    /// Turns of chatter 1 and of chatter 2 (injected probe text counts for the seat it stands in for).
    public var chatter1Turns: Int
    public var chatter2Turns: Int
    /// Turns whose chatter failed.
    public var errors: Int
    /// Chatter turns (not injected probes), and those of them that produced a reply.
    public var asked: Int
    public var answered: Int
    /// ``asked`` and ``answered`` per seat (a seat with no chatter turns is absent).
    public var askedBySeat: [Seat: Int]
    public var answeredBySeat: [Seat: Int]

    public init(_ transcript: Transcript) {
        rounds = transcript.roundCount
        turns = transcript.turns.count
        chatter1Turns = transcript.turns.filter { $0.seat == .chatter1 }.count
        chatter2Turns = turns - chatter1Turns
        errors = transcript.turns.filter { $0.error != nil }.count
        let chatterTurns = transcript.turns.filter { $0.probe == nil }
        asked = chatterTurns.count
        answered = chatterTurns.filter { $0.error == nil }.count
        askedBySeat = chatterTurns.reduce(into: [:]) { $0[$1.seat, default: 0] += 1 }
        answeredBySeat = chatterTurns.filter { $0.error == nil }.reduce(into: [:]) { $0[$1.seat, default: 0] += 1 }
    }

    /// Replies per chatter turn; `nil` when no chatter was asked.
    public var successRate: Double? { asked == 0 ? nil : Double(answered) / Double(asked) }
}
