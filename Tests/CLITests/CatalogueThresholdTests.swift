import Foundation
import TestSupport
import Testing

/// The thresholds the reports show are the ones the analysis used: a config override reaches the legends, the
/// Overview and the score table, and `chatlab analyze` after editing the saved config shows the new one.
@Suite struct CatalogueThresholdTests {
    static let config = """
        name: thresholds
        rounds: 3
        chatters:
          chatter1:
            kind: script
            lines: ["I have I have I have a cat.", "Hello there.", "How are you?"]
          chatter2: {kind: echo}
        scorers:
          stutter: {threshold: 0.5}
          response_time: {max_seconds: 4}
        """

    /// The `Meaning` of a code's row in a workbook's `Legend` sheet.
    private func legendMeaning(_ book: XLSXDump, _ code: String) throws -> String {
        let legend = try #require(book.sheet(named: "Legend"))
        let row = try #require(legend.row(labelled: code), "no legend row for \(code)")
        return try #require(legend.value(row: row, col: 2)?.string)
    }

    @Test func legendOverviewAndTableShowTheConfiguredThreshold() throws {
        let folder = try TemporaryDirectory()
        try Self.config.write(toFile: folder.path("t.yaml"), atomically: true, encoding: .utf8)
        let result = try ChatlabProcess.run(["run", folder.path("t.yaml"), "--report-dir", folder.path("r")])
        #expect(result.status == 0, "\(result.stderr)")
        let table = result.stdout.split(separator: "\n").map(String.init)
        #expect(table.contains { $0.hasPrefix("ML-A6") && $0.contains("fails above 0.5") }, "\(result.stdout)")
        #expect(table.contains { $0.hasPrefix("RT") && $0.contains("fails above 4 s") && $0.contains("mean") })

        let summary = try XLSXDump.load(folder.path("r/summary.xlsx"))
        let stutter = try legendMeaning(summary, "ML-A6")
        #expect(stutter.hasPrefix("stutter — Stuttering"))
        #expect(stutter.hasSuffix("Threshold: fails above 0.5."), "\(stutter)")
        #expect(try legendMeaning(summary, "RT").hasSuffix("Score: seconds. Threshold: fails above 4 s."))
        #expect(try legendMeaning(summary, "ML-A7").contains("Threshold: fails when the reply repeats"))
        let overview = try #require(summary.sheet(named: "Overview"))
        let header = try #require(overview.row(labelled: "Code"))
        let threshold = try #require(overview.column(named: "Threshold", row: header))
        let row = try #require(overview.row(labelled: "ML-A6"))
        #expect(overview.value(row: row, col: threshold)?.string == "fails above 0.5")
        #expect(summary.sheetNames.contains("Response time"))

        let report = try XLSXDump.load(folder.path("r/report.xlsx"))
        #expect(try legendMeaning(report, "ML-A6").hasSuffix("Threshold: fails above 0.5."))

        // Re-analysis with an edited threshold shows the new one.
        let saved = folder.path("r/config.yaml")
        let edited = try String(contentsOfFile: saved, encoding: .utf8)
            .replacingOccurrences(of: "stutter: {threshold: 0.5}", with: "stutter: {threshold: 1.2}")
        try edited.write(toFile: saved, atomically: true, encoding: .utf8)
        let again = try ChatlabProcess.run(["analyze", folder.path("r"), "-q"])
        #expect(again.status == 0, "\(again.stderr)")
        let reanalysed = try XLSXDump.load(folder.path("r/summary.xlsx"))
        #expect(try legendMeaning(reanalysed, "ML-A6").hasSuffix("Threshold: fails above 1.2."))
    }
}

extension XLSXDump.Sheet {
    /// The 1-based column whose value in `row` is `header`.
    fileprivate func column(named header: String, row: Int) -> Int? {
        cells.first { $0.row == row && $0.value.string == header }?.col
    }
}
