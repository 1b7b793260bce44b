import Foundation
import LabCore
@testable import Reports
import Testing
import TestSupport

/// Every sheet registered in `SummaryWorkbook.sheets` is written in registry order when it has something to show,
/// and the Overview lists and links it: adding a sheet is its file plus that one entry.
@Test func summarySheetsFollowTheRegistryAndTheOverviewListsThem() throws {
    let folder = try TemporaryDirectory()
    let path = folder.path("summary.xlsx")
    var analysis = ProbeSample.make()
    // The bot's replies report token metrics, so the `Tokens` sheet has something to show too.
    analysis.runs = analysis.runs.map { run in
        var run = run
        for index in run.transcript.turns.indices where run.transcript.turns[index].seat == .chatter2 {
            run.transcript.turns[index].metrics = ["prompt_tokens": 12, "completion_tokens": 3, "tokens_per_second": 30]
        }
        return run
    }
    // A rule's counts, so the `Rules` sheet has something to show.
    var rule = RuleTally(rule: "prices_in_dollars", scope: "1")
    rule.pass = 2
    analysis.rules = [rule]
    // A simulated conversation's record, so the `Simulation` sheet has something to show.
    analysis.simulations = [ConversationRecord(
        run: 1, conversation: "c-1", seed: 1, participants: [], started: Date(timeIntervalSince1970: 0),
        ended: Date(timeIntervalSince1970: 1), seconds: 1, end: ConversationEnd(.goalReached), rounds: 2, turns: 4,
        chosen: ["size": .array([.string("small")])], outputs: ["price": .string("8.00 USD")],
        details: ["test_name": .string("pizza"), "goals_filled": .array([.string("a small pizza")]),
                  "goals_unanswered": .array([])])]
    try SummaryWorkbook.write(analysis, totalStatistics: [:], to: path)
    let dump = try XLSXDump.load(path)

    let summary = SummaryInput(analysis: analysis, totalStatistics: [:])
    let scratch = try Workbook(path: folder.path("scratch.xlsx"))
    let expected = try SummaryWorkbook.sheets.compactMap { try $0.write(summary, into: scratch) }
    try scratch.close()
    #expect(dump.sheetNames == ["Overview"] + expected)
    #expect(expected.contains("Histograms") && expected.contains("Tokens"))

    let overview = try #require(dump.sheet(named: "Overview"))
    let texts = Set(overview.cells.compactMap(\.value.string))
    for type in SummaryWorkbook.sheets {
        #expect(texts.contains(type.about), "the Overview does not describe \(type)")
    }
    // A series with histograms links to them; one without, to the Runs sheet.
    let keys = analysis.seriesKeys
    let withHistograms = try #require(keys.first { !analysis.totalBreakdowns($0).isEmpty })
    #expect(SummaryHistogramSheet.details(withHistograms, summary))
    #expect(!RunsSheet.details(withHistograms, summary))
}
