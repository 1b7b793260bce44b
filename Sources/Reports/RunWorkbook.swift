import LabCore

/// Writes `report.xlsx`: one sheet per run (`Run <k>`) with a row per round, the utterances, probe marks (with the
/// perturbation level and the expected answer) and the verdict, score and note of every check that judged a turn of
/// the run (probe rounds filled blue for information, yellow for questions, with a link back to `summary.xlsx`), a
/// `Failures` sheet listing every failing verdict with its context, one sheet per scorer table title, a `Histograms` sheet when series have breakdowns (per run,
/// numbers only) and a `Legend` sheet.
///
/// The workbook is written in constant-memory mode (see ``Workbook/constantMemory``): every sheet's rows go to disk
/// as they are written, so memory stays flat however many runs and rounds an experiment has. ``Writer`` takes the
/// runs one at a time, so a caller need not hold them all either.
public enum RunWorkbook {
    /// The file name the summary workbook links to; it must sit in the same folder as `summary.xlsx`.
    public static let fileName = "report.xlsx"

    /// The most run sheets one file holds. A workbook of thousands of sheets is slow to open and costs
    /// libxlsxwriter about 17 KB of memory per sheet until it is closed, so larger experiments get several files.
    public static let runsPerFile = 1_000

    /// The file holding run `run`'s sheet: `report.xlsx` for runs 1 to ``runsPerFile``, then `report-2.xlsx`...
    public static func fileName(run: Int) -> String {
        let volume = (max(1, run) - 1) / runsPerFile + 1
        return volume == 1 ? fileName : "report-\(volume).xlsx"
    }

    /// Writes the workbook to `path`.
    /// - Parameter constantMemory: stream rows to disk (the default); `false` keeps the whole workbook in memory
    ///   until it is closed, which gives the same cells and layout.
    /// - Returns: warnings worth showing the user, e.g. texts cut to Excel's 32,767-character limit.
    /// - Throws: ``WorkbookError``; the folder is checked before anything is written.
    @discardableResult
    public static func write(_ analysis: Analysis, to path: String, constantMemory: Bool = true) throws -> [String] {
        let writer = try Writer(
            path: path, experiment: analysis.experiment, columns: analysis.columns, seriesKeys: analysis.seriesKeys,
            checks: analysis.checks, constantMemory: constantMemory)
        for run in analysis.runs { try writer.append(run) }
        return try writer.finish()
    }

    /// Writes `report.xlsx` run by run: ``append(_:)`` writes a run's sheet at once and keeps only its small parts
    /// (score tables and breakdowns) for the sheets after the runs; ``finish()`` writes those and closes the file.
    ///
    /// Not `Sendable`: use it inside one function or task.
    public final class Writer {
        private let book: Workbook
        private let layout: RunLayout
        private let columns: ColumnOptions
        private let checks: CheckCatalogue
        /// The runs written so far without their transcripts and score cells.
        private var kept: [RunAnalysis] = []
        /// Simulated conversations' records, for the Simulation sheet.
        public var simulations: [ConversationRecord] = []
        /// The correctness rules' counts, written as a `Rules` sheet by ``finish()`` when not empty.
        public var rules: [RuleTally] = []
        /// The failing verdicts so far (at most ``FailuresSheet/maxRows``), and how many more there were.
        private var failures: [FailuresSheet.Row] = []
        private var droppedFailures = 0

        /// - Parameters:
        ///   - seriesKeys: every scorer series the runs will have, in column order (``Analysis/seriesKeys``).
        ///   - checks: the analysed codes' catalogue entries with the thresholds in force, for the legend
        ///     (``Analysis/checks``).
        ///   - constantMemory: see ``RunWorkbook/write(_:to:constantMemory:)``.
        ///   - expected: each test set's expected answer by set id, as people read it (the `Expected` column).
        /// - Throws: ``WorkbookError``; the folder is checked before anything is written.
        public init(
            path: String, experiment: ExperimentInfo, columns: ColumnOptions, seriesKeys: [SeriesKey],
            checks: CheckCatalogue = CheckCatalogue(), constantMemory: Bool = true, expected: [String: String] = [:]
        ) throws {
            book = try Workbook(path: path, constantMemory: constantMemory)
            layout = RunLayout(experiment: experiment, options: columns, seriesKeys: seriesKeys, expected: expected)
            self.columns = columns
            self.checks = checks
        }

        /// Cells written so far.
        public var cellCount: Int { book.cellCount }

        /// Writes one run's sheet, after those already appended.
        /// - Parameter runsRow: the run's row on the summary's `Runs` sheet, for the link back (by default the
        ///   runs are taken to be the summary's rows in order).
        public func append(_ run: RunAnalysis, runsRow: Int? = nil) throws {
            try RunSheet.write(run, layout: layout, runsRow: runsRow ?? kept.count + 1, into: book)
            let rows = FailuresSheet.rows(of: run, layout: layout)
            let room = max(0, FailuresSheet.maxRows - failures.count)
            failures += rows.prefix(room)
            droppedFailures += max(0, rows.count - room)
            kept.append(run.summarized())
        }

        /// Writes the table, histogram and legend sheets and closes the file.
        /// - Returns: warnings worth showing the user, e.g. texts cut to Excel's 32,767-character limit.
        @discardableResult
        public func finish() throws -> [String] {
            let rest = Analysis(experiment: layout.experiment, columns: columns, runs: kept, checks: checks)
            try FailuresSheet.write(failures, dropped: droppedFailures, into: book)
            try TableSheets.write(rest, into: book)
            try SimulationSheet.write(simulations, into: book)
            try HistogramSheet.write(HistogramBlock.perRun(rest, keys: layout.seriesKeys), into: book, charts: false)
            try RulesSheet.write(rules, into: book)
            try LegendSheet.write(Legend.runWorkbook(rest), into: book)
            try book.close()
            return book.warnings
        }
    }
}
