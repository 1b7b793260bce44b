/// Scores the turns of one transcript: stutter, repeated questions, answer correctness, latency...
///
/// Called once per run transcript after the run (and again by `chatlab analyze`), for different runs concurrently.
/// Must be deterministic: the same input gives the same output. A failure to score a turn is a ``Verdict/skipped``
/// cell, never a thrown error. A scorer that waits on the network or a long computation does so with `await` (see
/// ``BlockingWork``), never by blocking a thread of Swift's cooperative pool.
public protocol Scorer: Sendable {
    /// Test code or short id shown in reports, e.g. `ML-A6`.
    var code: String { get }
    /// A few words for column headers and the legend, e.g. `stutter`.
    var title: String { get }
    /// The rule this scorer applies as configured (e.g. `fails above 0.5` for a stutter threshold of 0.5), shown in
    /// reports in place of the catalogue's default. The default, `nil`, means the catalogue's rule applies unchanged.
    var threshold: CheckThreshold? { get }

    func score(_ input: ScorerInput) async -> ScoreResult

    /// Statistics over several runs pooled together, for the summary's total row (not an average of averages).
    /// The default gives none.
    func pooledStatistics(_ results: [ScoreResult]) -> [Statistic]
}

extension Scorer {
    public var threshold: CheckThreshold? { nil }

    public func pooledStatistics(_ results: [ScoreResult]) -> [Statistic] { [] }
}

/// Everything a scorer may look at.
public struct ScorerInput: Sendable {
    public var transcript: Transcript
    /// The seat whose replies are scored.
    public var seat: Seat
    /// The test sets the run's probes used, by id (empty without probes).
    public var testSets: [String: TestSet]

    public init(transcript: Transcript, seat: Seat, testSets: [String: TestSet] = [:]) {
        self.transcript = transcript
        self.seat = seat
        self.testSets = testSets
    }

    /// The first turn of the other seat after `index`: the reply to that turn.
    public func reply(after index: Int) -> Turn? {
        transcript.turns.first { $0.index > index && $0.seat != transcript.turns[index - 1].seat }
    }

    /// The scored seat's own turns (not injected probe text), including failed ones.
    public var replies: [Turn] { transcript.turns(of: seat).filter { $0.probe == nil } }
}

/// A scorer's output for one transcript and seat.
public struct ScoreResult: Sendable, Hashable {
    /// Cells keyed by turn index (``Turn/index``); empty in a summarized result (see ``summarized()``).
    public private(set) var cells: [Int: ScoreCell]
    /// Named statistics for the summary (e.g. `mean`, `p95`), in display order.
    public var statistics: [Statistic]
    /// Extra tables (e.g. question frequencies), shown on their own sheet.
    public var tables: [ScoreTable]
    /// Passes and totals by perturbation level or distance, for histograms and charts.
    public var breakdowns: [Breakdown]
    /// Passes and total counted over the cells.
    public private(set) var tally: Tally
    /// The cells' scores in turn order (for pooled statistics and response-time bins).
    public private(set) var scores: [Double]

    public init(
        cells: [Int: ScoreCell], statistics: [Statistic] = [], tables: [ScoreTable] = [], breakdowns: [Breakdown] = []
    ) {
        self.cells = cells
        self.statistics = statistics
        self.tables = tables
        self.breakdowns = breakdowns
        tally = cells.values.reduce(into: Tally()) { $0.add($1.verdict) }
        scores = cells.sorted { $0.key < $1.key }.compactMap(\.value.score)
    }

    /// The same result without its cells: what summaries need (tally, scores, statistics, and with
    /// `keepingDetails` the tables and breakdowns), a fraction of the memory.
    public func summarized(keepingDetails: Bool = true) -> ScoreResult {
        var copy = self
        copy.cells = [:]
        if !keepingDetails {
            copy.tables = []
            copy.breakdowns = []
        }
        return copy
    }
}

/// A named number in a summary.
public struct Statistic: Codable, Sendable, Hashable {
    public var name: String
    public var value: Double

    public init(_ name: String, _ value: Double) {
        self.name = name
        self.value = value
    }
}

/// A small table a scorer adds to the reports.
public struct ScoreTable: Codable, Sendable, Hashable {
    public var title: String
    public var columns: [String]
    public var rows: [[TableValue]]

    public init(title: String, columns: [String], rows: [[TableValue]]) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}

/// A cell of a ``ScoreTable``.
public enum TableValue: Codable, Sendable, Hashable {
    case text(String)
    case number(Double)
}
