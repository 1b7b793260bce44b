import Foundation
import LabCore
import Reports
import Testing
import TestSupport

/// `summary.xlsx` of an experiment with probes: probe counts and report links on `Runs`, summed histograms with
/// charts, the response-time histogram, the legend.
@Suite struct SummaryProbeTests {
    @Test func runsSheetCountsPlannedAndPlacedProbes() throws {
        let runs = try #require(try ProbeBooks.shared().summary.sheet(named: "Runs"))
        let names = ["ML-I1 planned", "ML-I1 placed", "ML-U3 planned", "ML-U3 placed"]
        let cols = try names.map { try #require(runs.column(named: $0), "\($0)") }
        #expect(runs.headers.last == "Report")
        // Run 1: ML-I1 1 of 1, ML-U3 2 drawn, 1 placed; run 2: ML-I1 3 drawn, 1 placed, ML-U3 1 of 1.
        let expected: [[Double]] = [[1, 1, 2, 1], [3, 1, 1, 1], [4, 2, 3, 2]]
        for (offset, values) in expected.enumerated() {
            for (col, value) in zip(cols, values) { DumpChecks.expectNumber(runs, row: offset + 2, col: col, value) }
        }
        #expect(runs.value(row: 4, col: 1) == .string("Total"))
        #expect(runs.cell(row: 4, col: cols[0])?.bold == true)
    }

    @Test func runRowsLinkToTheirSheetInTheRunWorkbook() throws {
        let books = try ProbeBooks.shared()
        let runs = try #require(books.summary.sheet(named: "Runs"))
        let col = try #require(runs.column(named: "Report"))
        #expect(runs.cell(row: 2, col: col)?.link == "report.xlsx#'Run 1'!A1")
        #expect(runs.cell(row: 3, col: col)?.link == "report.xlsx#'Run 2'!A1")
        #expect(runs.cell(row: 4, col: col)?.link == "report.xlsx")
        // The targets exist.
        #expect(books.report.sheetNames.contains("Run 1") && books.report.sheetNames.contains("Run 2"))
    }

    @Test(arguments: ["ML-I1 by distance", "ML-U3 by typo level"])
    func histogramTotalsAreBucketwiseSumsOfTheRuns(title: String) throws {
        let books = try ProbeBooks.shared()
        let summary = try #require(books.summary.sheet(named: "Histograms"))
        let report = try #require(books.report.sheet(named: "Histograms"))
        let total = try #require(summary.histogramBlock("\(title) · all runs"))
        let run1 = try #require(report.histogramBlock("Run 1 · \(title)"))
        let run2 = try #require(report.histogramBlock("Run 2 · \(title)"))
        #expect(total.rows.count == run1.rows.count && total.rows.count == run2.rows.count)
        #expect(total.rows.contains { $0.total > 0 })
        for (index, row) in total.rows.enumerated() {
            #expect(row.label == run1.rows[index].label)
            #expect(row.passes == run1.rows[index].passes + run2.rows[index].passes, "\(row.label)")
            #expect(row.total == run1.rows[index].total + run2.rows[index].total, "\(row.label)")
            #expect(row.rate == (row.total > 0 ? row.passes / row.total : nil), "\(row.label)")
        }
    }

    @Test func histogramChartPerBlockReadsItsCells() throws {
        let sheet = try #require(try ProbeBooks.shared().summary.sheet(named: "Histograms"))
        #expect(sheet.charts.count == 2)
        for (chart, title) in zip(sheet.charts, ["ML-I1 by distance · all runs", "ML-U3 by typo level · all runs"]) {
            let block = try #require(sheet.histogramBlock(title))
            let rows = block.first...(block.first + block.rows.count - 1)
            #expect(chart.title == title)
            #expect(chart.type == "barChart")
            #expect(chart.direction == "col")
            #expect(chart.row == block.first - 2)
            #expect(chart.series.first?.categories == chartRange("Histograms", col: "A", rows: rows))
            #expect(chart.series.first?.values == chartRange("Histograms", col: "D", rows: rows))
        }
        // Charts do not overlap: each starts below the previous block and its chart.
        #expect(sheet.charts[1].row > sheet.charts[0].row + 15)
    }

    @Test func responseTimeHistogramBinsAllReplies() throws {
        let sheet = try #require(try ProbeBooks.shared().summary.sheet(named: "Response time"))
        #expect(sheet.value(row: 1, col: 1) == .string("RT response time · all runs"))
        #expect((1...4).map { sheet.value(row: 2, col: $0)?.string } == ["from (s)", "to (s)", "bin", "replies"])
        // Largest 4.6 s: ten bins of 0.5 s.
        let times = ProbeSample.latencies.flatMap { $0 }
        for bin in 0..<10 {
            let row = 3 + bin
            DumpChecks.expectNumber(sheet, row: row, col: 1, Double(bin) * 0.5)
            DumpChecks.expectNumber(sheet, row: row, col: 2, Double(bin + 1) * 0.5)
            let count = times.filter { Int($0 / 0.5) == bin }.count
            DumpChecks.expectNumber(sheet, row: row, col: 4, Double(count))
        }
        #expect(sheet.value(row: 3, col: 3) == .string("0–0.5 s"))
        #expect(sheet.value(row: 13, col: 1) == nil)
        let chart = try #require(sheet.charts.first)
        #expect(chart.direction == "col")
        #expect(chart.series.first?.categories == chartRange("Response time", col: "C", rows: 3...12))
        #expect(chart.series.first?.values == chartRange("Response time", col: "D", rows: 3...12))
    }

    @Test func legendExplainsSummaryColumns() throws {
        let legend = try #require(try ProbeBooks.shared().summary.sheet(named: "Legend"))
        let items = Set(legend.cells.filter { $0.col == 1 }.compactMap(\.value.string))
        for item in ["<code> passes / total / rate", "<code> planned / placed", "Report", "Total", "pass rate ≥ 90 %"]
            + ProbeSample.checks.codes
        {
            #expect(items.contains(item), "\(item)")
        }
        let time = try #require(legend.row(labelled: "RT"))
        #expect(legend.value(row: time, col: 2)?.string
            == "response time — Seconds to reply. Score: seconds. Threshold: fails above 3 s.")
        let good = try #require(legend.row(labelled: "pass rate ≥ 90 %"))
        #expect(legend.cell(row: good, col: 1)?.fill == "C6EFCE")
    }
}
