import Foundation

/// What ``WorkbookComparison`` measured, and its summary for people.
public struct WorkbookComparisonResult: Sendable {
    /// How often each tool wrote the full size.
    public var repeats: Int
    /// ChatLab at the smaller run counts, then the fastest at full size.
    public var ours: [WorkbookBenchmark.Measurement]
    /// ChatLab at the first smaller run count with ten times the rounds.
    public var taller: WorkbookBenchmark.Measurement?
    /// XlsxWriter's fastest at full size, if compared.
    public var theirs: WorkbookBenchmark.Measurement?

    public init(
        repeats: Int, ours: [WorkbookBenchmark.Measurement], taller: WorkbookBenchmark.Measurement?,
        theirs: WorkbookBenchmark.Measurement?
    ) {
        self.repeats = repeats
        self.ours = ours
        self.taller = taller
        self.theirs = theirs
    }

    /// The lines after the measurements: a blank line, the table of the fastest, the speed and memory comparisons.
    public func summary() -> [String] {
        var lines = ["", "fastest of \(repeats) at full size (peak memory: the highest seen):"]
        lines.append(WorkbookBenchmark.table(ours + [taller, theirs].compactMap { $0 }))
        if let largest = ours.last, let theirs {
            lines.append(String(format: "chatlab is %.1f× as fast as XlsxWriter", theirs.seconds / largest.seconds))
            if let ourCPU = largest.userSeconds, let theirCPU = theirs.userSeconds, ourCPU > 0 {
                lines.append(String(
                    format: "user-space CPU: %.2f s against %.2f s (%.1f×); the kernel time is mostly creating the "
                        + "temporary file of each sheet", ourCPU, theirCPU, theirCPU / ourCPU))
            }
        }
        if let small = ours.first, let taller {
            lines.append(String(
                format: "peak memory by rows per sheet: %.1f MB at %d × %d, %.1f MB at %d × %d", small.peakMB,
                small.runs, small.rounds, taller.peakMB, taller.runs, taller.rounds))
        }
        if ours.count > 1, let small = ours.first, let large = ours.last {
            let perSheet = Double(large.peakKB - small.peakKB) / Double(max(1, large.runs - small.runs))
            lines.append(String(
                format: "peak memory by sheets: %.1f MB at %d runs, %.1f MB at %d runs (%.0f KB per sheet, "
                    + "libxlsxwriter's own bookkeeping)", small.peakMB, small.runs, large.peakMB, large.runs,
                perSheet))
        }
        return lines
    }
}
