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
        #expect((1...10).map { overview.value(row: header, col: $0)?.string } == [
            "Code", "Check", "Passes", "Total", "Pass rate", "95 % CI low", "95 % CI high", "Details", "Threshold",
            "Meaning",
        ])
        // Every series has fewer than 30 verdicts: grey italics instead of its level colour (1/2 would be red,
        // 2/2 green, 7/8 amber), and the note under the table says why.
        let expected: [(String, String, Double, Double, String, String)] = [
            ("ML-I1", "memory", 1, 2, "EDEDED", "Histograms"), ("ML-U3", "typos", 2, 2, "EDEDED", "Histograms"),
            ("RT", "response time", 7, 8, "EDEDED", "Response time"),
        ]
        // Wilson 95 % (python3, independent of the library): 1/2 0.0945–0.9055, 2/2 0.3424–1, 7/8 0.5291–0.9776.
        let intervals: [(Double, Double)] = [(0.0945, 0.9055), (0.3424, 1), (0.5291, 0.9776)]
        for (offset, (code, check, passes, total, fill, details)) in expected.enumerated() {
            let row = header + 1 + offset
            #expect(overview.value(row: row, col: 1) == .string(code))
            #expect(overview.value(row: row, col: 2) == .string(check))
            DumpChecks.expectNumber(overview, row: row, col: 3, passes)
            DumpChecks.expectNumber(overview, row: row, col: 4, total)
            DumpChecks.expectNumber(overview, row: row, col: 5, passes / total)
            #expect(overview.cell(row: row, col: 5)?.fill == fill, "\(code)")
            #expect(overview.cell(row: row, col: 5)?.number_format == "0.0%")
            #expect(overview.cell(row: row, col: 5)?.italic == true)
            #expect(abs((overview.value(row: row, col: 6)?.number ?? -1) - intervals[offset].0) < 0.00005, "\(code)")
            #expect(abs((overview.value(row: row, col: 7)?.number ?? -1) - intervals[offset].1) < 0.00005, "\(code)")
            #expect(overview.cell(row: row, col: 8)?.link == "#'\(details)'!A1")
            let check = try #require(ProbeSample.checks[code])
            #expect(overview.value(row: row, col: 9)?.string == check.threshold.description)
            #expect(overview.value(row: row, col: 10)?.string == check.meaning)
        }
        #expect(overview.value(row: header + 4, col: 1)?.string?.hasPrefix("Rates in grey italics: fewer than 30") == true)
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
        #expect(chart.col > 10)  // right of the table
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
