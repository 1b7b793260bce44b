import Foundation
import LabCore
import Reports
import TestSupport
import Testing

@Test func replyDataGetsADataColumnPerChatterAsCompactJSONText() throws {
    var analysis = SampleAnalysis.make()
    var run = analysis.runs[0]
    let bot = run.transcript.turns.firstIndex { $0.round == 1 && $0.seat == .chatter2 }!
    run.transcript.turns[bot].metrics = ["ttft": 0.125]
    run.transcript.turns[bot].data = [
        "intent": "=greet", "buttons": .array([.object(["title": "Yes", "value": 1])]),
    ]
    let tester = run.transcript.turns.firstIndex { $0.round == 2 && $0.seat == .chatter1 }!
    run.transcript.turns[tester].data = ["mood": .bool(true)]
    analysis.runs[0] = run
    let folder = try TemporaryDirectory()
    try RunWorkbook.write(analysis, to: folder.path("report.xlsx"))
    let book = try XLSXDump.load(folder.path("report.xlsx"))
    let sheet = try #require(book.sheet(named: "Run 1"))
    let tester1 = try #require(sheet.column(named: "chatter1 data"))
    let bot2 = try #require(sheet.column(named: "chatter2 data"))
    let ttft = try #require(sheet.column(named: "chatter2 ttft"))
    let error = try #require(sheet.column(named: "Error"))
    #expect(ttft < tester1 && tester1 < bot2 && bot2 < error)
    // Round 1 is row 2: compact JSON with sorted keys, a plain text cell even though it holds "=".
    #expect(sheet.value(row: 2, col: bot2)?.string == #"{"buttons":[{"title":"Yes","value":1}],"intent":"=greet"}"#)
    #expect(sheet.cell(row: 2, col: bot2)?.data_type == "s")
    #expect(sheet.value(row: 3, col: tester1)?.string == #"{"mood":true}"#)
    #expect(sheet.value(row: 3, col: bot2) == nil || sheet.value(row: 3, col: bot2) == .null)
    let second = try #require(book.sheet(named: "Run 2"))
    #expect(second.column(named: "chatter2 data") == nil)
    #expect(second.column(named: "chatter1 data") == nil)
}
