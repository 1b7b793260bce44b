import Foundation
import LabCore
import Reports
import Testing
import TestSupport

/// `report.xlsx` of an experiment with probes: probe rows, per-run histograms, legend and links back.
@Suite struct ProbeRunWorkbookTests {
    static let information = "DDEBF7"
    static let question = "FFF2CC"

    @Test func sheets() throws {
        let books = try ProbeBooks.shared()
        #expect(books.report.sheetNames == ["Run 1", "Run 2", "Failures", "Histograms", "Legend"])
    }

    @Test func probeRowsAreFilledByRoleWithPerturbedAndOriginalQuestion() throws {
        let run1 = try #require(try ProbeBooks.shared().report.sheet(named: "Run 1"))
        #expect(Array(run1.headers.prefix(8)) == [
            "Round", "chatter1: script", "chatter2: echo", "Probe", "Set", "Role", "Level", "Original",
        ])
        // Round 1: chatter1's information turn, chatter2's reply on the same row.
        for col in 1...6 { #expect(run1.cell(row: 2, col: col)?.fill == Self.information, "r2c\(col)") }
        #expect(run1.value(row: 2, col: 2) == .string("My name is Ada."))
        #expect(run1.value(row: 2, col: 3) == .string("reply 1"))
        #expect((4...6).map { run1.value(row: 2, col: $0) } == [.string("ML-I1"), .string("name-1"), .string("information")])
        #expect(run1.value(row: 2, col: 7)?.number == nil)  // no level on an unperturbed information turn
        #expect(run1.value(row: 2, col: 8)?.string == nil)
        // Round 2: the perturbed question, its level, the original beside it, the reply, on a question-filled row.
        for col in 1...8 { #expect(run1.cell(row: 3, col: col)?.fill == Self.question, "r3c\(col)") }
        #expect(run1.value(row: 3, col: 2) == .string("Waht is my cat calld?"))
        #expect(run1.value(row: 3, col: 3) == .string("reply 2"))
        #expect((4...8).map { run1.value(row: 3, col: $0) } == [
            .string("ML-U3"), .string("cat-2"), .string("question"), .number(3), .string("What is my cat called?"),
        ])
        // Verdict cells keep their pass/fail colours on probe rows; score and note cells take the row's fill.
        let typoVerdict = try #require(run1.column(named: "ML-U3 typos"))
        #expect(run1.value(row: 3, col: typoVerdict) == .string("pass"))
        #expect(run1.cell(row: 3, col: typoVerdict)?.fill == "C6EFCE")
        #expect(run1.cell(row: 3, col: typoVerdict + 1)?.fill == Self.question)
        // Round 3 has no probe: no fill.
        #expect(run1.cell(row: 4, col: 1)?.fill == nil)
        #expect(run1.cell(row: 5, col: 1)?.fill == Self.question)
        DumpChecks.expectNoFormulas(try ProbeBooks.shared().report)
    }

    @Test func histogramsPerRunAreNumbers() throws {
        let sheet = try #require(try ProbeBooks.shared().report.sheet(named: "Histograms"))
        #expect(sheet.charts.isEmpty)
        for run in 1...2 {
            for title in ["ML-I1 by distance", "ML-U3 by typo level"] {
                #expect(sheet.histogramBlock("Run \(run) · \(title)") != nil, "Run \(run) · \(title)")
            }
        }
        let block = try #require(sheet.histogramBlock("Run 1 · ML-U3 by typo level"))
        #expect(sheet.headers == ["Run 1 · ML-I1 by distance"])
        #expect(block.rows.map(\.label) == ProbeSample.typoLabels)
        #expect(block.rows[0] == BucketRow(label: "0–5 %", passes: 1, total: 1, rate: 1))
        #expect(block.rows[3] == BucketRow(label: "15–20 %", passes: 1, total: 2, rate: 0.5))
        #expect(block.rows[4] == BucketRow(label: "20–25 %", passes: 0, total: 0, rate: nil))
        let header = try #require(sheet.row(labelled: "typo level"))
        #expect((2...4).map { sheet.value(row: header, col: $0) } == [.string("passes"), .string("total"), .string("pass rate")])
    }

    @Test func legendExplainsColumnsAndCodes() throws {
        let legend = try #require(try ProbeBooks.shared().report.sheet(named: "Legend"))
        #expect(legend.headers == ["Item", "Meaning"])
        let items = Set(legend.cells.filter { $0.col == 1 }.compactMap(\.value.string))
        for item in ["Round", "chatter columns", "Probe", "Set", "Role", "Original", "passes / total / pass rate",
                     "information row", "question row"] + ProbeSample.checks.codes {
            #expect(items.contains(item), "\(item)")
        }
        let colour = try #require(legend.row(labelled: "question row"))
        #expect(legend.cell(row: colour, col: 1)?.fill == Self.question)
    }

    @Test func runSheetsLinkBackToTheirSummaryRow() throws {
        let report = try ProbeBooks.shared().report
        #expect(report.sheet(named: "Run 1")?.links == ["summary.xlsx#'Runs'!A2"])
        #expect(report.sheet(named: "Run 2")?.links == ["summary.xlsx#'Runs'!A3"])
    }

    @Test func probeTurnOfChatter2IsMarkedToo() throws {
        // chatter2 drives and carries the probe; chatter1 replies.
        var analysis = ProbeSample.make()
        analysis.runs = analysis.runs.map { run in
            var run = run
            run.transcript.turns = run.transcript.turns.map { turn in
                var turn = turn
                turn.seat = turn.seat.other
                return turn
            }
            return run
        }
        let run1 = try #require(try ProbeBooks(analysis).report.sheet(named: "Run 1"))
        #expect(run1.value(row: 3, col: 3) == .string("Waht is my cat calld?"))
        #expect(run1.value(row: 3, col: 2) == .string("reply 2"))
        #expect(run1.value(row: 3, col: 8) == .string("What is my cat called?"))
        #expect(run1.cell(row: 3, col: 2)?.fill == Self.question)
        #expect(run1.cell(row: 2, col: 3)?.fill == Self.information)
    }
}
