import Foundation
import TestSupport
import Testing

/// `chatlab analyze REPORT_DIR --out DIR --set key=value --force`: re-scoring with other settings, shown in the
/// reports, saved beside them, and never over another analysis's reports by accident.
@Suite struct AnalyzeOverrideTests {
    private static let config = """
        name: stutterer
        rounds: 6
        chatters:
          chatter1: {kind: script, lines: ["How are you?", "What do you like?"]}
          chatter2: {kind: script, lines: ["I have I have I have a cat.", "I like tea and long walks."]}
        """

    private func experiment(_ folder: TemporaryDirectory) throws -> String {
        try Self.config.write(toFile: folder.path("s.yaml"), atomically: true, encoding: .utf8)
        let report = folder.path("run")
        let result = try ChatlabProcess.run(["run", folder.path("s.yaml"), "--report-dir", report, "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        return report
    }

    private func stutterScore(_ summary: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: summary))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let scores = try #require((json["total"] as? [String: Any])?["scores"] as? [[String: Any]])
        return try #require(scores.first { $0["code"] as? String == "ML-A6" })
    }

    @Test func overridesGoIntoAnotherFolderAndTheReportsShowThem() throws {
        let folder = try TemporaryDirectory()
        let run = try experiment(folder)
        let original = try Data(contentsOf: URL(fileURLWithPath: "\(run)/summary.json"))
        let before = try stutterScore("\(run)/summary.json")
        #expect(before["rule"] as? String == "fails above 0.33")
        #expect(before["passes"] as? Int == 3)  // the stuttering reply fails three times at 0.33

        let out = folder.path("lenient")
        let result = try ChatlabProcess.run([
            "analyze", run, "--out", out, "--set", "scorers.stutter.threshold=1.5", "-q",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // The source folder's reports are untouched.
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(run)/summary.json")) == original)
        let after = try stutterScore("\(out)/summary.json")
        #expect(after["rule"] as? String == "fails above 1.5")
        #expect(after["passes"] as? Int == 6)
        let effective = try String(contentsOfFile: "\(out)/config.effective.yaml", encoding: .utf8)
        #expect(effective.contains("threshold: 1.5"), "\(effective)")
        #expect(effective.contains("name: stutterer"))
        // Only reports go there: the transcripts stay in the scored folder.
        #expect(!FileManager.default.fileExists(atPath: "\(out)/transcripts"))
        let record = try String(contentsOfFile: "\(out)/analysis.json", encoding: .utf8)
        #expect(record.contains("scorers.stutter.threshold=1.5"))
        // The workbook's Overview and Legend show the threshold used, the Experiment sheet the effective config.
        let summary = try XLSXDump.load("\(out)/summary.xlsx")
        let overview = try #require(summary.sheet(named: "Overview"))
        let row = try #require(overview.row(labelled: "ML-A6"))
        let header = try #require(overview.row(labelled: "Code"))
        let threshold = try #require((1...12).first { overview.value(row: header, col: $0) == .string("Threshold") })
        #expect(overview.value(row: row, col: threshold) == .string("fails above 1.5"))
        let legend = try #require(summary.sheet(named: "Legend"))
        #expect(legend.cells.contains { $0.value.string?.contains("Threshold: fails above 1.5.") == true })
        let sheet = try #require(summary.sheet(named: "Experiment"))
        #expect(sheet.cells.contains { $0.value.string?.contains("threshold: 1.5") == true })

        // The same analysis again may rewrite its own reports.
        let again = try ChatlabProcess.run([
            "analyze", run, "--out", out, "--set", "scorers.stutter.threshold=1.5", "-q",
        ])
        #expect(again.status == 0, "\(again.stderr)")

        // Another analysis into the same folder needs --force, which replaces the reports.
        let other = try ChatlabProcess.run(["analyze", run, "--out", out, "--set", "scorers.stutter.threshold=0.1", "-q"])
        #expect(other.status == 1)
        #expect(other.stderr.contains("\(out): error: it holds the reports of another analysis"), "\(other.stderr)")
        #expect(other.stderr.contains("--set scorers.stutter.threshold=1.5"), "\(other.stderr)")
        #expect(try stutterScore("\(out)/summary.json")["rule"] as? String == "fails above 1.5")
        let forced = try ChatlabProcess.run([
            "analyze", run, "--out", out, "--set", "scorers.stutter.threshold=0.1", "--force", "-q",
        ])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try stutterScore("\(out)/summary.json")["rule"] as? String == "fails above 0.1")

        // In place, overrides would replace the run's own reports: --force again.
        let inPlace = try ChatlabProcess.run(["analyze", run, "--set", "scorers.stutter.threshold=1.5", "-q"])
        #expect(inPlace.status == 1)
        #expect(inPlace.stderr.contains("of \(URL(fileURLWithPath: run).resolvingSymlinksInPath().path), no --set"), "\(inPlace.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(run)/summary.json")) == original)
        // Plain re-analysis in place is the same analysis as the run's.
        #expect(try ChatlabProcess.run(["analyze", run, "-q"]).status == 0)
    }

    @Test func aWrongKeyIsNamedWithTheKnownOnes() throws {
        let folder = try TemporaryDirectory()
        let run = try experiment(folder)
        let out = folder.path("never")
        let typo = try ChatlabProcess.run(["analyze", run, "--out", out, "--set", "scorers.stuter.threshold=0.5"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("unknown key 'scorers.stuter'. Did you mean 'stutter'?"), "\(typo.stderr)")
        #expect(typo.stderr.contains("Known keys there: "), "\(typo.stderr)")
        #expect(typo.stderr.contains("response_time"))
        let option = try ChatlabProcess.run(["analyze", run, "--out", out, "--set", "scorers.stutter.treshold=0.5"])
        #expect(option.status == 2)
        #expect(option.stderr.contains("unknown key 'scorers.stutter.treshold'. Did you mean 'threshold'?"), "\(option.stderr)")
        let malformed = try ChatlabProcess.run(["analyze", run, "--out", out, "--set", "scorers.stutter.threshold"])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("expected key.path=value"), "\(malformed.stderr)")
        // A value the key does not take is the loader's error.
        let value = try ChatlabProcess.run(["analyze", run, "--out", out, "--set", "scorers.stutter.threshold=high"])
        #expect(value.status == 2)
        #expect(value.stderr.contains("threshold"), "\(value.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))

        // A threshold the config did not have can be set too (a gate on the re-scored numbers).
        let gate = try ChatlabProcess.run([
            "analyze", run, "--out", folder.path("gated"), "--set", "thresholds.ML-A6.min_pass_rate=0.9", "-q",
        ])
        #expect(gate.status == 1, "\(gate.stderr)")
        #expect(gate.stderr.contains("pass rate >= 0.9"), "\(gate.stderr)")

        // A folder with other files is never written into, even with --force.
        let foreign = folder.path("foreign")
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try "keep me".write(toFile: "\(foreign)/notes.txt", atomically: true, encoding: .utf8)
        let refused = try ChatlabProcess.run(["analyze", run, "--out", foreign, "--force", "-q"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("not ChatLab reports"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: foreign) == ["notes.txt"])
    }
}
