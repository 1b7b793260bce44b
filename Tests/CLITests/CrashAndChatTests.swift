import Foundation
import TestSupport
import Testing

@Test func killingARunKeepsEveryTurnAndAnalyzeStillWorks() throws {
    let folder = NSTemporaryDirectory() + "chatlab-kill-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let config = """
        name: crash
        rounds: 50
        chatters:
          chatter1: {kind: human, name: person}
          chatter2: {kind: echo, name: parrot}
        """
    try config.write(toFile: "\(folder)/crash.yaml", atomically: true, encoding: .utf8)
    let report = "\(folder)/report"
    let child = try ChatlabProcess.start(["run", "\(folder)/crash.yaml", "--report-dir", report])
    child.write("one two\nthree four four four four\nfive?\n")
    // Wait until the three answered rounds are on disk; the run then blocks waiting for the person's 4th line.
    let transcript = "\(report)/transcripts/run-1.jsonl"
    var lines: [String] = []
    for _ in 0..<200 where lines.count < 6 {
        Thread.sleep(forTimeInterval: 0.05)
        lines = (try? TranscriptLines.lines(transcript)) ?? []
    }
    #expect(child.kill().signaled)
    let turns = try TranscriptLines.objects(transcript)
    #expect(turns.count == 6)
    #expect(turns.map { $0["text"] as! String } == ["one two", "one two", "three four four four four",
        "three four four four four", "five?", "five?"])
    #expect(!FileManager.default.fileExists(atPath: "\(report)/summary.json"))

    let analysis = try ChatlabProcess.run(["analyze", report])
    #expect(analysis.status == 0, "\(analysis.stderr)")
    let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(report)/summary.json")))
        as! [String: Any]
    let total = summary["total"] as! [String: Any]
    #expect(total["turns"] as? Int == 6)
    let scores = total["scores"] as! [[String: Any]]
    let stutter = scores.first { $0["code"] as? String == "ML-A6" }!
    #expect(stutter["total"] as? Int == 3)
    #expect(stutter["passes"] as? Int == 2)
}

@Test func aChatSessionEndsCleanlyOnAnEmptyLine() throws {
    let folder = NSTemporaryDirectory() + "chatlab-chat-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "kind: echo\nname: parrot\n".write(toFile: "\(folder)/parrot.yaml", atomically: true, encoding: .utf8)
    let result = try ChatlabProcess.run(
        ["chat", "--with", "\(folder)/parrot.yaml", "--out", folder], input: "Hello parrot\nHow are you?\n\nnot read\n")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("parrot: Hello parrot"))
    let transcript = "\(folder)/chat-parrot-latest/transcripts/run-1.jsonl"
    let turns = try TranscriptLines.objects(transcript)
    #expect(turns.map { $0["text"] as! String } == ["Hello parrot", "Hello parrot", "How are you?", "How are you?"])
    #expect(FileManager.default.fileExists(atPath: "\(folder)/chat-parrot-latest/summary.json"))
    let again = try ChatlabProcess.run(["analyze", "\(folder)/chat-parrot-latest"])
    #expect(again.status == 0, "\(again.stderr)")
}
