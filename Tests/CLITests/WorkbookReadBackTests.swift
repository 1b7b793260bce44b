import Foundation
import TestSupport
import Testing

@Test func chatterTextThatLooksLikeAFormulaStaysText() throws {
    let folder = try TemporaryDirectory()
    let config = """
        name: formulas
        rounds: 4
        chatters:
          chatter1:
            kind: script
            lines: ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)"]
          chatter2: {kind: echo}
        """
    try config.write(toFile: folder.path("f.yaml"), atomically: true, encoding: .utf8)
    let result = try ChatlabProcess.run(["run", folder.path("f.yaml"), "--report-dir", folder.path("r"), "-q"])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try XLSXDump.load(folder.path("r/report.xlsx"))
    #expect(report.allCells.allSatisfy { $0.data_type != "f" })
    let texts = report.allCells.compactMap { $0.data_type == "s" ? $0.value.string : nil }
    for line in ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)"] {
        #expect(texts.filter { $0 == line }.count == 2, "\(line) should appear once per chatter")
    }
    let run = try #require(report.sheet(named: "Run 1"))
    #expect(run.freeze_panes == "D2", "round and both utterances stay in view")
    #expect(run.auto_filter != nil)
    let passesRow = try #require(run.row(labelled: "passes"))
    let stutter = try #require(run.headers.firstIndex { $0.hasPrefix("ML-A6") }).advanced(by: 1)
    let passes = try #require(run.cell(row: passesRow, col: stutter))
    #expect(passes.data_type == "n")
    #expect(passes.value.number == 4)
    #expect(run.cell(row: passesRow + 1, col: stutter)?.value.number == 4)

    let summary = try XLSXDump.load(folder.path("r/summary.xlsx"))
    let runs = try #require(summary.sheet(named: "Runs"))
    let total = try #require(runs.row(labelled: "Total"))
    let column = try #require(runs.column(named: "ML-A6 total"))
    #expect(runs.cell(row: total, col: column)?.data_type == "n")
    #expect(runs.cell(row: total, col: column)?.value.number == 4)
    #expect(summary.allCells.allSatisfy { $0.data_type != "f" })
    let experiment = try #require(summary.sheet(named: "Experiment"))
    #expect(experiment.cells.contains { $0.value.string == "kind: script" || $0.value.string == "    kind: script" })
}
