import Foundation
import LabCore
import Reports
import TestSupport
import Testing

@Test func perTurnMetricsOfTheScoredSeatGetTheirOwnNumericColumns() throws {
    var analysis = SampleAnalysis.make()
    var run = analysis.runs[0]
    let index = run.transcript.turns.firstIndex { $0.round == 1 && $0.seat == .chatter2 }!
    run.transcript.turns[index].metrics = ["ttft": 0.125, "completion_tokens": 12]
    analysis.runs[0] = run
    let folder = try TemporaryDirectory()
    try RunWorkbook.write(analysis, to: folder.path("report.xlsx"))
    let sheet = try #require(try XLSXDump.load(folder.path("report.xlsx")).sheet(named: "Run 1"))
    let ttft = try #require(sheet.column(named: "chatter2 ttft"))
    let tokens = try #require(sheet.column(named: "chatter2 completion_tokens"))
    #expect(tokens < ttft)
    #expect(sheet.cell(row: 2, col: ttft)?.data_type == "n")
    #expect(sheet.value(row: 2, col: ttft)?.number == 0.125)
    #expect(sheet.value(row: 2, col: tokens)?.number == 12)
    #expect(sheet.value(row: 3, col: ttft) == nil || sheet.value(row: 3, col: ttft) == .null)
    let second = try #require(try XLSXDump.load(folder.path("report.xlsx")).sheet(named: "Run 2"))
    #expect(second.column(named: "chatter2 ttft") == nil)
}
