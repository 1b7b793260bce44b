import Foundation
import TestSupport
import Testing

/// `run --report-dir` refuses a used folder unless `--force`, which clears only a ChatLab report folder; transcripts
/// with a repeated or missing turn index are an error naming the file and line.
@Suite(.serialized) struct ReportDirForceTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory(prefix: "chatlab-force")
    }

    private func config(runs: Int) throws -> String {
        try ScriptedTesterConfig.write(
            "force\(runs)", rounds: 3, extra: "runs: \(runs)", chatter2: "kind: echo", in: folder)
    }

    private func summaryRuns(_ report: String) throws -> Int? {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(report)/summary.json")))
        return ((object as? [String: Any])?["total"] as? [String: Any])?["runs"] as? Int
    }

    @Test func aUsedReportDirIsRefusedAndForceClearsIt() throws {
        let report = folder.path("used")
        #expect(try ChatlabProcess.run(["run", try config(runs: 2), "--report-dir", report, "-q"]).status == 0)
        let again = try ChatlabProcess.run(["run", try config(runs: 1), "--report-dir", report, "-q"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("is not empty") && again.stderr.contains("--force"), "\(again.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(report)/transcripts/run-2.jsonl"))

        let forced = try ChatlabProcess.run(["run", try config(runs: 1), "--report-dir", report, "--force", "-q"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(report)/transcripts/run-2.jsonl"))
        #expect(try summaryRuns(report) == 1)
        let analyzed = try ChatlabProcess.run(["analyze", report, "-q"])
        #expect(analyzed.status == 0, "\(analyzed.stderr)")
        #expect(try summaryRuns(report) == 1)
    }

    @Test func forceLeavesAFolderChatLabDidNotWriteAlone() throws {
        let other = folder.path("notes")
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try "keep me".write(toFile: "\(other)/notes.txt", atomically: true, encoding: .utf8)
        let result = try ChatlabProcess.run(["run", try config(runs: 1), "--report-dir", other, "--force", "-q"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("not a report folder"), "\(result.stderr)")
        #expect(try String(contentsOfFile: "\(other)/notes.txt", encoding: .utf8) == "keep me")
        let alone = try ChatlabProcess.run(["run", try config(runs: 1), "--force"])
        #expect(alone.status != 0 && alone.stderr.contains("--report-dir"), "\(alone.stderr)")
    }

    @Test func duplicateOrMissingTurnIndicesAreAClearError() throws {
        let report = folder.path("order")
        #expect(try ChatlabProcess.run(["run", try config(runs: 1), "--report-dir", report, "-q"]).status == 0)
        let transcript = "\(report)/transcripts/run-1.jsonl"
        let lines = try String(contentsOfFile: transcript, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 6)

        try ([lines[0], lines[1], lines[1]] + lines[2...]).joined(separator: "\n").appending("\n")
            .write(toFile: transcript, atomically: true, encoding: .utf8)
        let duplicate = try ChatlabProcess.run(["analyze", report, "-q"])
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr.contains("\(transcript):3: error: turn index 2 repeats an earlier turn"), "\(duplicate.stderr)")

        try ([lines[0]] + lines[3...]).joined(separator: "\n").appending("\n")
            .write(toFile: transcript, atomically: true, encoding: .utf8)
        let missing = try ChatlabProcess.run(["analyze", report, "-q"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("\(transcript):2: error: turn index 4 skips turn 2...3 (missing turns)"), "\(missing.stderr)")
    }
}
