import Foundation
import LabCore
import Reports
import Testing
import TestSupport

/// The `Overview` sheet of `summary.xlsx`: facts, the series table coloured by level, links and the bar chart.
@Suite struct SummaryOverviewTests {
    @Test func overviewComesFirst() throws {
        let books = try ProbeBooks.shared()
        #expect(books.summary.sheetNames == ["Overview", "Runs", "Histograms", "Response time", "Experiment", "Legend"])
    }

    @Test func factsOfTheExperiment() throws {
        let overview = try #require(try ProbeBooks.shared().summary.sheet(named: "Overview"))
        #expect(overview.value(row: 1, col: 1) == .string("ChatLab summary: probes demo"))
        let facts = (2...6).map { (overview.value(row: $0, col: 1)?.string ?? "", overview.value(row: $0, col: 2)?.string) }
        #expect(facts.map(\.0) == ["experiment", "chatters", "seed", "runs × rounds", "date"])
        #expect(facts.map(\.1) == [
            "probes demo", "chatter1: script · chatter2: echo", "99", "2 × 4", "2023-11-14T22:13:20Z",
        ])
    }

    @Test func seriesTableWithRatesColouredByLevel() throws {
        let overview = try #require(try ProbeBooks.shared().summary.sheet(named: "Overview"))
        let header = try #require(overview.row(labelled: "Code"))
        #expect((1...8).map { overview.value(row: header, col: $0)?.string } == [
            "Code", "Check", "Passes", "Total", "Pass rate", "Details", "Threshold", "Meaning",
        ])
        // ML-I1 1/2 red, ML-U3 2/2 green, RT 7/8 amber.
        let expected: [(String, String, Double, Double, String, String)] = [
            ("ML-I1", "memory", 1, 2, "FFC7CE", "Histograms"), ("ML-U3", "typos", 2, 2, "C6EFCE", "Histograms"),
            ("RT", "response time", 7, 8, "FFEB9C", "Response time"),
        ]
        for (offset, (code, check, passes, total, fill, details)) in expected.enumerated() {
            let row = header + 1 + offset
            #expect(overview.value(row: row, col: 1) == .string(code))
            #expect(overview.value(row: row, col: 2) == .string(check))
            DumpChecks.expectNumber(overview, row: row, col: 3, passes)
            DumpChecks.expectNumber(overview, row: row, col: 4, total)
            DumpChecks.expectNumber(overview, row: row, col: 5, passes / total)
            #expect(overview.cell(row: row, col: 5)?.fill == fill, "\(code)")
            #expect(overview.cell(row: row, col: 5)?.number_format == "0.0%")
            #expect(overview.cell(row: row, col: 6)?.link == "#'\(details)'!A1")
            let check = try #require(ProbeSample.checks[code])
            #expect(overview.value(row: row, col: 7)?.string == check.threshold.description)
            #expect(overview.value(row: row, col: 8)?.string == check.meaning)
        }
    }

    @Test func linksToEveryOtherSheetAndTheRunWorkbook() throws {
        let summary = try ProbeBooks.shared().summary
        let links = Set(try #require(summary.sheet(named: "Overview")).links)
        for name in summary.sheetNames.dropFirst() {
            #expect(links.contains("#'\(name)'!A1"), "\(name)")
        }
        #expect(links.contains("report.xlsx"))
    }

    @Test func barChartOfPassRatePerCode() throws {
        let overview = try #require(try ProbeBooks.shared().summary.sheet(named: "Overview"))
        let header = try #require(overview.row(labelled: "Code"))
        let chart = try #require(overview.charts.first)
        #expect(overview.charts.count == 1)
        #expect(chart.type == "barChart")
        #expect(chart.direction == "bar")
        #expect(chart.title == "Pass rate per check (all runs)")
        #expect(chart.row == 1)
        #expect(chart.col > 8)  // right of the table
        let rows = (header + 1)...(header + 3)
        #expect(chart.series.count == 1)
        #expect(chart.series.first?.categories == chartRange("Overview", col: "A", rows: rows))
        #expect(chart.series.first?.values == chartRange("Overview", col: "E", rows: rows))
    }

    @Test func responseTimeSheetFollowsTheCatalogueKindNotTheCode() throws {
        var analysis = ProbeSample.make()
        analysis.checks = CheckCatalogue(analysis.checks.entries.map { entry in
            var entry = entry
            entry.kind = entry.code == "RT" ? .reply : entry.kind
            return entry
        })
        let summary = try ProbeBooks(analysis).summary
        #expect(!summary.sheetNames.contains("Response time"))
    }

    @Test func noChartWithoutSeries() throws {
        var analysis = ProbeSample.make()
        analysis.runs = analysis.runs.map { run in
            var run = run
            run.series = []
            return run
        }
        let summary = try ProbeBooks(analysis).summary
        #expect(summary.sheetNames == ["Overview", "Runs", "Experiment", "Legend"])
        #expect(summary.sheet(named: "Overview")?.charts.isEmpty == true)
    }
}
