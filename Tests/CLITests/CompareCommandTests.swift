import Foundation
import Lab
import LabCore
import Reports
import Transcripts
import TestSupport
import Testing

/// `chatlab compare`: real report folders made by the built binary, and hand-made ones with known tables.
@Suite struct CompareCommandTests {
    /// 1-based columns of the `Comparison` sheet: the first experiment's passes, total, rate, 95 % CI; the second's
    /// passes, total, rate, 95 % CI, Δ (pp), z p, Fisher p, Holm p and mark.
    static let first = (passes: 3, total: 4, rate: 5, interval: 6)
    static let second = (passes: 7, total: 8, rate: 9, interval: 10, delta: 11, z: 12, fisher: 13, holm: 14, mark: 15)
    static let firstDataRow = 6

    private func runExperiment(_ yaml: String, into folder: String, name: String) throws -> String {
        let config = "\(folder)/\(name).yaml"
        try yaml.write(toFile: config, atomically: true, encoding: .utf8)
        let report = "\(folder)/\(name)"
        let result = try ChatlabProcess.run(["run", config, "--report-dir", report, "-q", "--runs", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        return report
    }

    /// A report folder with only what compare reads: experiment.json and summary.json with these totals.
    private func handMade(_ folder: String, name: String, scores: [(code: String, title: String, passes: Int, total: Int)])
        throws -> String
    {
        let path = "\(folder)/\(name)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let experiment = #"{"name": "\#(name)", "seed": 7, "runs": 5, "rounds": 10, "started": "2026-01-01T00:00:00Z"}"#
        try experiment.write(toFile: "\(path)/experiment.json", atomically: true, encoding: .utf8)
        let entries = scores.map { score in
            let rate = score.total == 0 ? "null" : "\(Double(score.passes) / Double(score.total))"
            return #"{"code": "\#(score.code)", "title": "\#(score.title)", "seat": "chatter2", "passes": \#(score.passes), "total": \#(score.total), "rate": \#(rate), "statistics": {}}"#
        }
        let summary = #"{"experiment": {"name": "\#(name)"}, "runs": [], "total": {"runs": 5, "rounds": 50, "turns": 100, "errors": 0, "scores": [\#(entries.joined(separator: ", "))]}}"#
        try summary.write(toFile: "\(path)/summary.json", atomically: true, encoding: .utf8)
        return path
    }

    @Test func comparesTwoRealReportFolders() throws {
        let folder = try TemporaryDirectory()
        let steady = try runExperiment(
            """
            name: steady
            rounds: 8
            chatters:
              chatter1: {kind: script, lines: ["How are you?", "What do you like?"]}
              chatter2: {kind: script, lines: ["I am fine, thanks.", "I like tea and long walks."]}
            """, into: folder.path, name: "steady")
        let stutter = try runExperiment(
            """
            name: stutter
            rounds: 8
            chatters:
              chatter1: {kind: script, lines: ["How are you?", "What do you like?"]}
              chatter2: {kind: script, lines: ["I have I have I have a cat.", "What is your name?", "I like tea."]}
            """, into: folder.path, name: "stutter")
        let out = folder.path("both.xlsx")
        let result = try ChatlabProcess.run(["compare", steady, stutter, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("comparison: \(out)"))
        #expect(result.stdout.contains("ML-A6") && result.stdout.contains("steady") && result.stdout.contains("stutter"))

        // The workbook's numbers are the summaries' numbers, and the p-values are the tests' on them.
        let expected = try [steady, stutter].map { try Self.totals("\($0)/summary.json") }
        let dump = try XLSXDump.load(out)
        #expect(dump.sheetNames == ["Comparison", "Experiments"])
        let sheet = try #require(dump.sheet(named: "Comparison"))
        #expect(sheet.value(row: 4, col: Self.first.passes) == .string("steady"))
        #expect(sheet.value(row: 4, col: Self.second.passes) == .string("stutter"))
        #expect(sheet.value(row: 5, col: Self.second.fisher) == .string("Fisher p"))
        #expect(sheet.freeze_panes == "C6")
        for (offset, code) in ["ML-A6", "ML-A7", "RT"].enumerated() {
            let row = Self.firstDataRow + offset
            #expect(sheet.value(row: row, col: 1) == .string(code))
            let a = try #require(expected[0][code])
            let b = try #require(expected[1][code])
            for (col, value) in [
                (Self.first.passes, a.passes), (Self.first.total, a.total), (Self.second.passes, b.passes),
                (Self.second.total, b.total),
            ] {
                #expect(sheet.cell(row: row, col: col)?.data_type == "n")
                #expect(sheet.value(row: row, col: col)?.number == Double(value), "\(code) r\(row)c\(col)")
            }
            let z = try #require(ProportionTests.zTest(a, b))
            let fisher = try #require(ProportionTests.fisherExact(a, b))
            #expect(abs((sheet.value(row: row, col: Self.second.z)?.number ?? -1) - z) < 1e-12)
            #expect(abs((sheet.value(row: row, col: Self.second.fisher)?.number ?? -1) - fisher) < 1e-12)
            let delta = ((b.rate ?? 0) - (a.rate ?? 0)) * 100  // percentage points
            #expect(abs((sheet.value(row: row, col: Self.second.delta)?.number ?? -1) - delta) < 1e-9)
            let holm = try #require(sheet.value(row: row, col: Self.second.holm)?.number)
            #expect(holm >= fisher)
            #expect((sheet.value(row: row, col: Self.second.mark) == .string("*")) == (holm < 0.05), "\(code)")
        }
        #expect(dump.allCells.allSatisfy { $0.data_type != "f" })
        let experiments = try #require(dump.sheet(named: "Experiments"))
        #expect(experiments.value(row: 2, col: 3) == .string("steady"))
        #expect(experiments.value(row: 3, col: 4) == .string(stutter))
        #expect(experiments.value(row: 3, col: 6)?.number == 2)  // runs
    }

    @Test func knownTablesGiveKnownPValuesAndAChart() throws {
        let folder = try TemporaryDirectory()
        // Reference values from SciPy 1.17 (see ProportionTestsTests): 45/50 vs 30/50 and 3/10 vs 9/10.
        let a = try handMade(
            folder.path, name: "baseline",
            scores: [("ML-I1", "memory", 45, 50), ("ML-A6", "stutter", 3, 10), ("RT", "response time", 20, 20)])
        let b = try handMade(
            folder.path, name: "candidate",
            scores: [("ML-I1", "memory", 30, 50), ("ML-A6", "stutter", 9, 10), ("ML-A7", "repeats", 4, 5)])
        let out = folder.path("known.xlsx")
        let result = try ChatlabProcess.run(["compare", a, b, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        // The terminal table shows the same numbers.
        let memoryLine = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("ML-I1") })
        for part in ["45/50 90.0%", "30/50 60.0%", "-30.0 pp", "0.0005", "0.0010", "*"] {
            #expect(memoryLine.contains(part), "\(memoryLine) lacks \(part)")
        }

        let dump = try XLSXDump.load(out)
        let sheet = try #require(dump.sheet(named: "Comparison"))
        let rows = Self.firstDataRow
        #expect((0..<4).map { sheet.value(row: rows + $0, col: 1)?.string } == ["ML-I1", "ML-A6", "RT", "ML-A7"])
        func number(_ row: Int, _ col: Int) -> Double { sheet.value(row: row, col: col)?.number ?? .nan }
        #expect(number(rows, Self.first.rate) == 0.9)
        #expect(number(rows, Self.second.rate) == 0.6)
        #expect(abs(number(rows, Self.second.delta) - -30) < 1e-9)
        #expect(abs(number(rows, Self.second.z) - 0.0005320055051392477) < 1e-12)
        #expect(abs(number(rows, Self.second.fisher) - 0.0009668432030628979) < 1e-12)
        #expect(sheet.value(row: rows, col: Self.second.mark) == .string("*"))
        #expect(abs(number(rows + 1, Self.second.z) - 0.006169899320544151) < 1e-12)
        #expect(abs(number(rows + 1, Self.second.fisher) - 0.019766611097880443) < 1e-12)
        // Holm over the two checks both have: 2 × 0.000966843 = 0.001933686; max(that, 1 × 0.019766611).
        #expect(abs(number(rows, Self.second.holm) - 0.0019336864061257958) < 1e-12)
        #expect(abs(number(rows + 1, Self.second.holm) - 0.019766611097880443) < 1e-12)
        #expect(sheet.cell(row: rows, col: Self.second.rate)?.number_format == "0.0%")
        // RT only in the first, ML-A7 only in the second: no numbers where a side is missing.
        #expect(sheet.value(row: rows + 2, col: Self.second.passes) == nil)
        #expect(sheet.value(row: rows + 2, col: Self.second.fisher) == nil)
        #expect(sheet.value(row: rows + 3, col: Self.first.passes) == nil)
        #expect(number(rows + 3, Self.second.passes) == 4)

        // One clustered column chart: a series per experiment, categories the codes, values the rate columns.
        let chart = try #require(sheet.charts.first)
        #expect(sheet.charts.count == 1)
        #expect(chart.type == "barChart" && chart.direction == "col")
        #expect(chart.series.map(\.name) == ["baseline", "candidate"])
        #expect(chart.series.map(\.categories) == ["Comparison!$A$6:$A$9", "Comparison!$A$6:$A$9"])
        #expect(chart.series.map(\.values) == ["Comparison!$E$6:$E$9", "Comparison!$I$6:$I$9"])
        #expect(chart.row > rows + 3)

        // LibreOffice opens it: it converts to a PDF.
        let soffice = try #require(LibreOffice.soffice, "soffice is missing: install libreoffice-calc-nogui (scripts/setup.sh)")
        let pdfFolder = folder.path("pdf")
        let status = try LibreOffice.convertToPDF([out], soffice: soffice, outdir: pdfFolder, profile: folder.path("profile"))
        #expect(status == 0)
        let pdf = "\(pdfFolder)/known.pdf"
        let head = (try? FileHandle(forReadingFrom: URL(fileURLWithPath: pdf)).read(upToCount: 5)) ?? nil
        #expect(head == Data("%PDF-".utf8), "\(pdf) is not a PDF")
    }

    @Test func threeExperimentsAndSameNamesGetDistinctGroups() throws {
        let folder = try TemporaryDirectory()
        let one = try handMade(folder.path, name: "same", scores: [("ML-A6", "stutter", 8, 10)])
        let twoFolder = folder.path("other")
        try FileManager.default.createDirectory(atPath: twoFolder, withIntermediateDirectories: true)
        let two = try handMade(twoFolder, name: "same", scores: [("ML-A6", "stutter", 2, 10)])
        let three = try handMade(folder.path, name: "third", scores: [("ML-A6", "stutter", 10, 10)])
        let comparison = try Comparison.load(folders: [one, two, three])
        // Same name and same folder name: numbered.
        #expect(comparison.experiments.map(\.label) == ["same #1", "same #2", "third"])
        let out = folder.path("three.xlsx")
        try ComparisonWorkbook.write(.init(comparison), to: out)
        let sheet = try #require(try XLSXDump.load(out).sheet(named: "Comparison"))
        #expect(sheet.value(row: 4, col: ComparisonWorkbook.groupColumn(2) + 1) == .string("third"))
        #expect(sheet.value(row: 6, col: ComparisonWorkbook.groupColumn(2) + 3)?.number == 1)
        #expect(sheet.charts.first?.series.count == 3)
    }

    @Test func theDefaultOutputIsComparisonXlsxInTheCurrentFolder() throws {
        let folder = try TemporaryDirectory()
        let a = try handMade(folder.path, name: "a", scores: [("ML-A6", "stutter", 8, 10)])
        let b = try handMade(folder.path, name: "b", scores: [("ML-A6", "stutter", 2, 10)])
        let result = try ChatlabProcess.run(["compare", a, b, "-q"], directory: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path("comparison.xlsx")))
    }

    @Test func aFolderWithoutSummaryIsNamed() throws {
        let folder = try TemporaryDirectory()
        let good = try handMade(folder.path, name: "good", scores: [("ML-A6", "stutter", 8, 10)])
        let empty = folder.path("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let result = try ChatlabProcess.run(["compare", good, empty, "--out", folder.path("x.xlsx")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(empty)/summary.json: error: no such file"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("x.xlsx")))

        try "{\"total\": {}}".write(toFile: "\(empty)/summary.json", atomically: true, encoding: .utf8)
        let bad = try ChatlabProcess.run(["compare", good, empty, "--out", folder.path("x.xlsx")])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("\(empty)/summary.json: error: not a ChatLab summary (missing 'total.scores')"),
                "\(bad.stderr)")

        let missing = try ChatlabProcess.run(["compare", good, folder.path("nope"), "--out", folder.path("x.xlsx")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("\(folder.path("nope")): error: no such file"))

        let one = try ChatlabProcess.run(["compare", good])
        #expect(one.status != 0)
        #expect(one.stderr.contains("at least two"))
    }

    // MARK: - Helpers

    /// code → pooled tally from a summary.json.
    static func totals(_ path: String) throws -> [String: Tally] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        let scores = (json["total"] as! [String: Any])["scores"] as! [[String: Any]]
        return Dictionary(uniqueKeysWithValues: scores.map {
            ($0["code"] as! String, Tally(passes: $0["passes"] as! Int, total: $0["total"] as! Int))
        })
    }
}
