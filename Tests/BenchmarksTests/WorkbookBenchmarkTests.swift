import Benchmarks
import Foundation
import LabCore
import TestSupport
import Testing

/// The synthetic experiment of `chatlab bench-workbook`, small: its workbook holds what the generator says.
@Test func theBenchmarkWorkbookHoldsTheSyntheticCells() throws {
    let folder = try TemporaryDirectory()
    let path = folder.path("bench.xlsx")
    let measurement = try WorkbookBenchmark.measure(runs: 3, rounds: 5, path: path)
    #expect(measurement.runs == 3 && measurement.rounds == 5)
    #expect(measurement.peakKB > 0 && measurement.bytes > 0)
    let dump = try XLSXDump.load(path)
    #expect(dump.sheetNames == ["Run 1", "Run 2", "Run 3", "Failures", "Legend"])
    let run2 = try #require(dump.sheet(named: "Run 2"))
    #expect(run2.headers.count == 12)  // no turn failed: no error column
    #expect(run2.value(row: 4, col: 2) == .string(WorkbookBenchmark.question(run: 2, round: 3)))
    #expect(run2.value(row: 4, col: 3) == .string(WorkbookBenchmark.answer(run: 2, round: 3)))
    let cell = WorkbookBenchmark.cell(run: 2, round: 3, scorer: 1)
    #expect(run2.value(row: 4, col: 7) == .string(cell.verdict.rawValue))
    #expect(run2.value(row: 4, col: 8)?.number == cell.score)
    #expect(run2.value(row: 4, col: 9) == .string(cell.interpretation ?? ""))
    // Cells counted (before the sheets after the runs): per run 12 headers, 5 × 12 round cells, 4 labels + 4 × 3
    // tallies and intervals, and a link; then the Failures sheet and the legend.
    let perRun = 12 + 5 * 12 + 4 + 12 + 1
    let legend = dump.sheet(named: "Legend")?.cells.count ?? 0
    #expect(measurement.cells >= 3 * perRun && measurement.cells <= 3 * perRun + legend + 5)
    #expect(WorkbookBenchmark.table([measurement]).contains("3 × 5"))
}
