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
        let runs = try (1...6).map { run in
            let data = try Data(contentsOf: URL(fileURLWithPath: folder.path("\(name)/runs/run-\(run).json")))
            return try JSONSerialization.jsonObject(with: data) as! [String: Any]
        }
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
    // Make "cut" look like a run killed during run 4: runs 1-3 recorded complete (their conversation records),
    // run 4 half written and unrecorded, 5-6 absent, no reports yet.
    let record = folder.path("cut/experiment.json")
    var info = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: record))) as! [String: Any]
    info.removeValue(forKey: "ended")
    try JSONSerialization.data(withJSONObject: info).write(to: URL(fileURLWithPath: record))
    for run in 4...6 { try FileManager.default.removeItem(atPath: folder.path("cut/transcripts/run-\(run).conversation.json")) }
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
    // Run 4 (script and echo) is continued, not redone: its five saved turns are kept as they were, latencies too.
    #expect(resumed.stdout.contains("run 4: continuing the interrupted conversation from round 3, after its 5 saved turns"),
        "\(resumed.stdout)")
    #expect(try Array(TranscriptLines.lines(run4).prefix(5)) == Array(lines.prefix(5)))
    #expect(!resumed.stdout.contains("run 5: continuing"))
    #expect(try transcripts(folder.path("cut")) == transcripts(folder.path("full")))
    #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path("cut/transcripts/run-2.jsonl"))) == untouched)
    let finished = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: record))) as! [String: Any]
    #expect(finished["ended"] != nil)
    for run in 1...6 {
        #expect(FileManager.default.fileExists(atPath: folder.path("cut/transcripts/run-\(run).conversation.json")))
    }
    #expect(FileManager.default.fileExists(atPath: folder.path("cut/summary.xlsx")))
}

/// A folder as earlier versions wrote it (completed runs listed in experiment.json, no conversation records, no
/// runs/ folder) still resumes and analyzes, to the same numbers.
@Test func reportFoldersOfEarlierVersionsStillLoad() throws {
    let folder = try TemporaryDirectory()
    try config.write(toFile: folder.path("c.yaml"), atomically: true, encoding: .utf8)
    #expect(try ChatlabProcess.run(["run", folder.path("c.yaml"), "--report-dir", folder.path("old"), "-q"]).status == 0)
    func totals() throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder.path("old/summary.json")))
        let total = (try JSONSerialization.jsonObject(with: data) as! [String: Any])["total"] as! [String: Any]
        return (total["scores"] as! [[String: Any]]).filter { $0["code"] as? String != "RT" }
            .map { "\($0["code"]!) \($0["passes"]!)/\($0["total"]!)" } + ["turns \(total["turns"]!)"]
    }
    let before = try totals()
    let record = folder.path("old/experiment.json")
    var info = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: record))) as! [String: Any]
    info["completedRuns"] = [1, 2, 3, 4, 5, 6]
    info["runSeconds"] = ["1": 0.5, "2": 0.5, "3": 0.5, "4": 0.5, "5": 0.5, "6": 0.5]
    try JSONSerialization.data(withJSONObject: info).write(to: URL(fileURLWithPath: record))
    for run in 1...6 { try FileManager.default.removeItem(atPath: folder.path("old/transcripts/run-\(run).conversation.json")) }
    for name in ["runs", "summary.json", "report.xlsx", "summary.xlsx"] {
        try FileManager.default.removeItem(atPath: folder.path("old/\(name)"))
    }

    let resumed = try ChatlabProcess.run(["run", "--resume", folder.path("old"), "-q"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.path("old/transcripts/run-1.conversation.json")))
    #expect(try totals() == before)
    let analyzed = try ChatlabProcess.run(["analyze", folder.path("old"), "-q"])
    #expect(analyzed.status == 0, "\(analyzed.stderr)")
    #expect(try totals() == before)
    let run3 = try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: folder.path("old/runs/run-3.json")))) as! [String: Any]
    #expect(run3["seconds"] as? Double == 0.5)
    #expect(run3["end"] == nil)
}

/// A report folder written by the release before conversation records (Tests/Fixtures/legacy, made by fd96cdc's
/// `chatlab run`, workbooks left out): `chatlab analyze` gives the numbers that release wrote, run by run and pooled.
@Test func analyzeGivesTheNumbersTheEarlierReleaseWrote() throws {
    let folder = try TemporaryDirectory()
    let fixture = "\(ChatlabProcess.root)/Tests/Fixtures/legacy/report"
    try FileManager.default.copyItem(atPath: fixture, toPath: folder.path("report"))
    let result = try ChatlabProcess.run(["analyze", folder.path("report"), "-q"])
    #expect(result.status == 0, "\(result.stderr)")

    func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }
    /// code/seat → passes, total and statistics, from a list of scores.
    func numbers(_ scores: Any?) -> [String: [Double]] {
        var table: [String: [Double]] = [:]
        for score in scores as! [[String: Any]] {
            let statistics = (score["statistics"] as? [String: Double] ?? [:]).sorted { $0.key < $1.key }.map(\.value)
            table["\(score["code"]!) \(score["seat"]!)"] =
                [Double(score["passes"] as! Int), Double(score["total"] as! Int)] + statistics
        }
        return table
    }
    /// Issue 13 changed these judges on purpose (a non-answer no longer passes as "no"; ML-I13's reference is the
    /// first substantive answer): the same replies are judged, so only their totals must match.
    let rejudged: Set<String> = ["ML-I4", "ML-I6", "ML-I13"]
    func close(_ a: [String: [Double]], _ b: [String: [Double]]) -> Bool {
        a.keys.sorted() == b.keys.sorted()
            && a.allSatisfy { key, values in
                guard !rejudged.contains(String(key.split(separator: " ")[0])) else { return values[1] == b[key]![1] }
                return values.count == b[key]!.count && zip(values, b[key]!).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($0)) }
            }
    }
    let old = try json("\(fixture)/summary.json")
    let new = try json(folder.path("report/summary.json"))
    let oldTotal = old["total"] as! [String: Any]
    let newTotal = new["total"] as! [String: Any]
    #expect(close(numbers(oldTotal["scores"]), numbers(newTotal["scores"])))
    #expect(numbers(oldTotal["scores"]).count >= 10)
    // "I don't think you told me that." no longer passes as a "no"; the ML-I13 series take "My hobbies are …" and
    // "My favourite food is lasagne." as references, not "Hmm, I can't answer that one.".
    let rescored = numbers(newTotal["scores"])
    #expect(rescored["ML-I4 chatter2"]?.prefix(2) == [0, 1])
    #expect(rescored["ML-I6 chatter2"]?.prefix(2) == [0, 1])
    #expect(rescored["ML-I13 chatter2"]?.prefix(2) == [2, 4])
    for key in ["runs", "rounds", "turns", "errors"] { #expect(oldTotal[key] as? Int == newTotal[key] as? Int, "\(key)") }
    #expect(oldTotal["probes"] as? [String: [String: Int]] == newTotal["probes"] as? [String: [String: Int]])
    for oldRun in old["runs"] as! [[String: Any]] {
        let run = oldRun["run"] as! Int
        let newRun = try json(folder.path("report/runs/run-\(run).json"))
        #expect(close(numbers(oldRun["scores"]), numbers(newRun["scores"])), "run \(run)")
        #expect(oldRun["probes"] as? [String: [String: Int]] == newRun["probes"] as? [String: [String: Int]])
    }
}

/// A run whose saved transcript cannot be taken up is started again, and the output says why.
@Test func resumeSaysWhyItStartsARunAgain() throws {
    let folder = try TemporaryDirectory()
    try config.write(toFile: folder.path("c.yaml"), atomically: true, encoding: .utf8)
    #expect(try ChatlabProcess.run(["run", folder.path("c.yaml"), "--report-dir", folder.path("full"), "-q"]).status == 0)
    #expect(try ChatlabProcess.run(["run", folder.path("c.yaml"), "--report-dir", folder.path("cut"), "-q"]).status == 0)
    try FileManager.default.removeItem(atPath: folder.path("cut/transcripts/run-2.conversation.json"))
    for name in ["summary.json", "report.xlsx", "summary.xlsx"] { try FileManager.default.removeItem(atPath: folder.path("cut/\(name)")) }
    // Turn 3 written twice, as two writers would have.
    let run2 = folder.path("cut/transcripts/run-2.jsonl")
    let lines = try TranscriptLines.lines(run2)
    try (lines.prefix(3) + [lines[2]]).joined(separator: "\n").appending("\n").write(toFile: run2, atomically: true, encoding: .utf8)

    let resumed = try ChatlabProcess.run(["run", "--resume", folder.path("cut")])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stdout.contains("run 2: starting again from round 1, because its saved transcript cannot be read"),
        "\(resumed.stdout)")
    #expect(try transcripts(folder.path("cut")) == transcripts(folder.path("full")))
}

/// Standard output is written line by line into a pipe: a run killed midway has printed its report folder.
@Test func theReportFolderLineSurvivesAKill() throws {
    let folder = try TemporaryDirectory()
    try """
        name: waiting
        rounds: 50
        chatters:
          chatter1: {kind: human, name: person}
          chatter2: {kind: echo, name: parrot}
        """.write(toFile: folder.path("w.yaml"), atomically: true, encoding: .utf8)
    let report = folder.path("r")
    let child = try ChatlabProcess.start(["run", folder.path("w.yaml"), "--report-dir", report])
    child.write("hello\n")
    var turns: [String] = []
    for _ in 0..<200 where turns.count < 2 {
        Thread.sleep(forTimeInterval: 0.05)
        turns = (try? TranscriptLines.lines("\(report)/transcripts/run-1.jsonl")) ?? []
    }
    let result = child.kill()
    #expect(result.signaled)
    #expect(result.stdout.contains("report folder: \(report)"), "\(result.stdout)")
}
