import Foundation
import LabCore
import Reports
import Testing
import TestSupport

@Suite struct SummaryWorkbookTests {
    static let headers = [
        "Run", "Seed", "Rounds", "Turns", "Errors",
        "ML-A6 passes", "ML-A6 total", "ML-A6 rate", "ML-A6 95 % CI", "ML-A6 mean", "ML-A6 p95", "ML-A6 max",
        "ML-I2 passes", "ML-I2 total", "ML-I2 rate", "ML-I2 95 % CI", "Report",
    ]

    private func written() throws -> XLSXDump {
        let folder = try TemporaryDirectory()
        let path = folder.path("summary.xlsx")
        try SummaryWorkbook.write(SampleAnalysis.make(), totalStatistics: SampleAnalysis.totalStatistics, to: path)
        return try XLSXDump.load(path)
    }

    @Test func sheetsHeadersAndLayout() throws {
        let dump = try written()
        #expect(dump.sheetNames == ["Overview", "Runs", "Experiment", "Legend"])
        let runs = try #require(dump.sheet(named: "Runs"))
        #expect(runs.headers == Self.headers)
        #expect(runs.freeze_panes == "A2")
        #expect(runs.auto_filter == "A1:Q3")
        DumpChecks.expectNoFormulas(dump)
    }

    @Test func runRows() throws {
        let runs = try #require(try written().sheet(named: "Runs"))
        let expected: [[JSONValue]] = [
            // Wilson 95 % intervals (python3: see IntervalAndCorrectionTests): 2/2 34.2–100, 1/2 9.5–90.5,
            // 1/4 4.6–69.9, 1/1 20.7–100.
            [1, "42", 3, 6, 1, 2, 2, 1, "34.2–100.0 %", 0.2, 0.29, nil, 1, 2, 0.5, "9.5–90.5 %", "Run 1"].map(Self.json),
            [2, "7", 4, 8, 0, 1, 4, 0.25, "4.6–69.9 %", 0.5, nil, 0.9, 1, 1, 1, "20.7–100.0 %", "Run 2"].map(Self.json),
        ]
        for (offset, row) in expected.enumerated() {
            let actual = (1...Self.headers.count).map { runs.value(row: offset + 2, col: $0) ?? .null }
            #expect(actual == row, "run \(offset + 1)")
        }
        #expect(runs.cell(row: 2, col: 2)?.data_type == "s")
        #expect(runs.cell(row: 2, col: 8)?.number_format == "0.0%")
        // Every rate here is a small sample: grey italics.
        #expect(runs.cell(row: 2, col: 8)?.italic == true)
        #expect(runs.cell(row: 2, col: 7)?.italic == false)
    }

    @Test func totalRowPoolsTalliesAndUsesGivenStatistics() throws {
        let runs = try #require(try written().sheet(named: "Runs"))
        #expect(runs.value(row: 4, col: 1) == .string("Total"))
        #expect(runs.cell(row: 4, col: 1)?.bold == true)
        DumpChecks.expectNumber(runs, row: 4, col: 3, 7)
        DumpChecks.expectNumber(runs, row: 4, col: 4, 14)
        DumpChecks.expectNumber(runs, row: 4, col: 5, 1)
        DumpChecks.expectNumber(runs, row: 4, col: 6, 3)
        DumpChecks.expectNumber(runs, row: 4, col: 7, 6)
        // Pooled 3 / 6, not the average of 100% and 25%.
        DumpChecks.expectNumber(runs, row: 4, col: 8, 0.5)
        #expect(runs.cell(row: 4, col: 8)?.number_format == "0.0%")
        #expect(runs.value(row: 4, col: 9) == .string("18.8–81.2 %"))
        DumpChecks.expectNumber(runs, row: 4, col: 10, 0.4)
        DumpChecks.expectNumber(runs, row: 4, col: 11, 0.85)
        DumpChecks.expectNumber(runs, row: 4, col: 12, 0.9)
        DumpChecks.expectNumber(runs, row: 4, col: 13, 2)
        DumpChecks.expectNumber(runs, row: 4, col: 14, 3)
        DumpChecks.expectNumber(runs, row: 4, col: 15, 2.0 / 3.0)
    }

    @Test func experimentSheet() throws {
        let sheet = try #require(try written().sheet(named: "Experiment"))
        #expect(sheet.headers == ["Key", "Value"])
        let facts = (2...12).map { row in
            (sheet.value(row: row, col: 1)?.string ?? "", sheet.value(row: row, col: 2) ?? .null)
        }
        #expect(facts.map(\.0) == [
            "name", "seed", "runs", "rounds", "chatter1", "chatter2", "under test", "config path", "tool version",
            "started", "ended",
        ])
        #expect(facts.map(\.1) == [
            "demo", "18446744073709551557", 2, 4, "chatter1: script", "chatter2: http", "chatter2",
            "configs/demo.yaml", "0.1.0", "2023-11-14T22:13:20Z", "2023-11-14T22:23:20Z",
        ].map(Self.json))
        #expect(sheet.cell(row: 3, col: 2)?.data_type == "s")
        let label = try #require(sheet.row(labelled: "Configuration"))
        #expect(sheet.cell(row: label, col: 1)?.bold == true)
        #expect(sheet.value(row: label - 1, col: 1) == nil)
        let lines = (label + 1...label + 6).map { sheet.value(row: $0, col: 1)?.string }
        #expect(lines == ["name: demo", "rounds: 3", "=HYPERLINK(\"x\")", nil, "chatter1:", "  kind: script"])
        #expect(sheet.cell(row: label + 3, col: 1)?.data_type == "s")
    }

    @Test func badFolderThrows() throws {
        #expect(throws: WorkbookError.self) {
            try SummaryWorkbook.write(SampleAnalysis.make(), totalStatistics: [:], to: "/nonexistent-chatlab/s.xlsx")
        }
    }

    private static func json(_ value: Any?) -> JSONValue {
        switch value {
        case let text as String: return .string(text)
        case let number as Int: return .number(Double(number))
        case let number as Double: return .number(number)
        default: return .null
        }
    }
}
