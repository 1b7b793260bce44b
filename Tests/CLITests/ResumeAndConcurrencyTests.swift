import Foundation
import TestSupport
import Testing

private let config = """
    name: resumable
    seed: 77
    runs: 6
    rounds: 8
    chatters:
      chatter1: {kind: script, lines: [Hello there., How are you?, "What is your name?", Tell me more.]}
      chatter2: {kind: echo}
    probes:
      testsets: \(ChatlabProcess.root)/testsets
      probabilities: {ML-U3: 0.2, ML-I4: 0.2}
    """

private func transcripts(_ folder: String, runs: Int = 6) throws -> [[String]] {
    try (1...runs).map { try TranscriptLines.withoutLatency("\(folder)/transcripts/run-\($0).jsonl") }
}

@Test func concurrentRunsGiveTheSameTranscriptsAsSequentialOnes() throws {
    let folder = try TemporaryDirectory()
    try config.write(toFile: folder.path("c.yaml"), atomically: true, encoding: .utf8)
    try (config + "\nconcurrency: 4\n").write(toFile: folder.path("c4.yaml"), atomically: true, encoding: .utf8)
    #expect(try ChatlabProcess.run(["run", folder.path("c.yaml"), "--report-dir", folder.path("one"), "-q"]).status == 0)
    #expect(try ChatlabProcess.run(["run", folder.path("c4.yaml"), "--report-dir", folder.path("four"), "-q"]).status == 0)
    #expect(try transcripts(folder.path("one")) == transcripts(folder.path("four")))
    // The summaries agree run by run, in run order (response times aside).
    func scores(_ name: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder.path("\(name)/summary.json")))
        let runs = (try JSONSerialization.jsonObject(with: data) as! [String: Any])["runs"] as! [[String: Any]]
        return runs.flatMap { run in
            (run["scores"] as! [[String: Any]]).filter { $0["code"] as? String != "RT" }
                .map { "\(run["run"]!) \($0["code"]!) \($0["passes"]!)/\($0["total"]!)" }
        }
    }
    #expect(try scores("one") == scores("four"))
    #expect(try scores("one").count == 6 * 4)
}

@Test func resumeFinishesAnInterruptedExperimentExactlyAsAnUninterruptedOne() throws {
    let folder = try TemporaryDirectory()
    try config.write(toFile: folder.path("c.yaml"), atomically: true, encoding: .utf8)
    #expect(try ChatlabProcess.run(["run", folder.path("c.yaml"), "--report-dir", folder.path("full"), "-q"]).status == 0)
    #expect(try ChatlabProcess.run(["run", folder.path("c.yaml"), "--report-dir", folder.path("cut"), "-q"]).status == 0)
    // Make "cut" look like a run killed during run 4: runs 1-3 recorded complete, run 4 half written, 5-6 absent,
    // no reports yet.
    let record = folder.path("cut/experiment.json")
    var info = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: record))) as! [String: Any]
    info["completedRuns"] = [1, 2, 3]
    info.removeValue(forKey: "ended")
    try JSONSerialization.data(withJSONObject: info).write(to: URL(fileURLWithPath: record))
    let run4 = folder.path("cut/transcripts/run-4.jsonl")
    let lines = try TranscriptLines.lines(run4)
    try (lines.prefix(5).joined(separator: "\n") + "\n{\"index\":6,\"te").write(toFile: run4, atomically: true, encoding: .utf8)
    for name in ["transcripts/run-5.jsonl", "transcripts/run-6.jsonl", "summary.json", "report.xlsx", "summary.xlsx"] {
        try FileManager.default.removeItem(atPath: folder.path("cut/\(name)"))
    }
    let untouched = try Data(contentsOf: URL(fileURLWithPath: folder.path("cut/transcripts/run-2.jsonl")))

    let resumed = try ChatlabProcess.run(["run", "--resume", folder.path("cut")])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stdout.contains("resuming: 3 of 6 runs were complete"))
    #expect(try transcripts(folder.path("cut")) == transcripts(folder.path("full")))
    #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path("cut/transcripts/run-2.jsonl"))) == untouched)
    let finished = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: record))) as! [String: Any]
    #expect(Set(finished["completedRuns"] as! [Int]) == Set(1...6))
    #expect(FileManager.default.fileExists(atPath: folder.path("cut/summary.xlsx")))
}
