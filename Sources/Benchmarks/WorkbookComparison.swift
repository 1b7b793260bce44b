import Foundation

/// `chatlab bench workbook`: ChatLab's run workbook against Python's XlsxWriter, every measurement in its own
/// process (this binary's hidden worker mode, or the XlsxWriter script), so that each reports its own peak memory.
///
/// First ChatLab at the smaller `memoryRuns` (memory should stay flat) and at the first of them with ten times the
/// rounds (memory should not grow with rows), then the full size `repeats` times by each tool, alternating; the
/// fastest of each counts (a shared machine's noise only ever adds time).
public struct WorkbookComparison {
    public var runs: Int
    public var rounds: Int
    public var memoryRuns: [Int]
    public var repeats: Int
    /// The XlsxWriter script.
    public var script: String
    /// The worker command for ChatLab's measurements: this binary, run as `<worker> bench workbook --worker …`.
    public var worker = BenchProcess.selfExecutable

    public init(runs: Int, rounds: Int, memoryRuns: [Int], repeats: Int, script: String) {
        self.runs = runs
        self.rounds = rounds
        self.memoryRuns = memoryRuns
        self.repeats = repeats
        self.script = script
    }

    /// Runs every measurement, writing the workbooks into `folder`; `shown` hears each measurement as it comes in.
    /// - Parameter python: gives the Python with XlsxWriter (asked once, after ChatLab's memory measurements), or
    ///   `nil` to skip the comparison.
    /// - Throws: ``BenchProcessError`` when a child fails or prints no measurement.
    public func run(
        folder: String, python: () throws -> String?, shown: (WorkbookBenchmark.Measurement) -> Void
    ) throws -> WorkbookComparisonResult {
        func show(_ measurement: WorkbookBenchmark.Measurement) -> WorkbookBenchmark.Measurement {
            shown(measurement)
            return measurement
        }
        var results: [WorkbookBenchmark.Measurement] = []
        for count in memoryRuns.filter({ $0 < runs }) {
            results.append(show(try measureOurs(runs: count, folder: folder)))
        }
        // The same sheets with ten times the rows each: memory should not grow with rows.
        let taller = try results.first.map { show(try measureOurs(runs: $0.runs, rounds: rounds * 10, folder: folder)) }
        let python = try python()
        var oursFull: [WorkbookBenchmark.Measurement] = []
        var theirsFull: [WorkbookBenchmark.Measurement] = []
        for _ in 0..<max(1, repeats) {
            oursFull.append(show(try measureOurs(runs: runs, folder: folder)))
            if let python {
                theirsFull.append(show(try WorkbookBenchmark.measureChild(
                    python,
                    [script, "--runs", "\(runs)", "--rounds", "\(rounds)", "--out", "\(folder)/xlsxwriter.xlsx"])))
            }
        }
        return WorkbookComparisonResult(
            repeats: max(1, repeats), ours: results + [WorkbookBenchmark.fastest(oursFull)].compactMap { $0 },
            taller: taller, theirs: WorkbookBenchmark.fastest(theirsFull))
    }

    private func measureOurs(runs count: Int, rounds: Int? = nil, folder: String) throws
        -> WorkbookBenchmark.Measurement
    {
        try WorkbookBenchmark.measureChild(
            worker,
            ["bench", "workbook", "--worker", "--runs", "\(count)", "--rounds", "\(rounds ?? self.rounds)",
             "--worker-path", "\(folder)/chatlab-\(count).xlsx"])
    }
}
