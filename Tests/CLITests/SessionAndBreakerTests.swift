import Foundation
import TestSupport
import Testing

/// End to end against the fault server: `{{session}}` is unique per execution (kept by `--resume`, pinned by
/// `session_id`), and a chatter that keeps failing ends its conversations (`max_consecutive_errors`).
@Suite(.serialized) struct SessionAndBreakerTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory(prefix: "chatlab-sessions")
    }

    /// Writes a two-run config whose chatter 2 posts `{{session}}` to `url`; `extra` holds more top-level lines.
    private func config(_ name: String, url: String, rounds: Int = 2, extra: String = "", chatter2: String = "") throws -> String {
        let text = """
            name: \(name)
            runs: 2
            rounds: \(rounds)
            \(extra)
            chatters:
              chatter1: {kind: script, lines: [Hello there bot, My name is Ann]}
              chatter2:
                kind: http
                url: \(url)
                body: {session: "{{session}}", message: "{{message}}"}
                reply_path: data.messages.0.text
            \(chatter2)
            """
        let path = folder.path("\(name).yaml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The sessions the fault server recorded so far.
    private func sessions(_ server: ServerProcess) throws -> [String] {
        let result = try ChildProcess.run(
            "/usr/bin/env",
            ["python3", "-c", "import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1]).read().decode())",
             "\(server.base)/recorded"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        return object["session"] as? [String] ?? []
    }

    private func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    private func run(_ arguments: [String]) throws {
        let result = try ChatlabProcess.run(arguments + ["-q"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func everyExecutionSendsItsOwnSessionsAndResumeKeepsThem() throws {
        let server = try ServerProcess.faultServer()
        let path = try config("sess", url: "\(server.base)/session/chat")
        try run(["run", path, "--report-dir", folder.path("a")])
        let first = try sessions(server)
        try run(["run", path, "--report-dir", folder.path("b")])
        let second = Array(try sessions(server).dropFirst(first.count))
        let executionA = try #require(try json(folder.path("a/experiment.json"))["execution"] as? String)
        let executionB = try #require(try json(folder.path("b/experiment.json"))["execution"] as? String)
        #expect(executionA != executionB)
        #expect(first.count == 4 && second.count == 4)
        #expect(Set(first) == ["sess-\(executionA)-run-1-chatter2", "sess-\(executionA)-run-2-chatter2"])
        #expect(Set(second) == ["sess-\(executionB)-run-1-chatter2", "sess-\(executionB)-run-2-chatter2"])
        #expect(Set(first).isDisjoint(with: second))
        #expect(try json(folder.path("b/transcripts/run-2.conversation.json"))["conversation"] as? String
            == "sess-\(executionB)-run-2")

        // Make "b" look killed during run 2, then resume it: run 2 is played again with b's sessions.
        let record = folder.path("b/experiment.json")
        var info = try json(record)
        info.removeValue(forKey: "ended")
        try JSONSerialization.data(withJSONObject: info).write(to: URL(fileURLWithPath: record))
        try FileManager.default.removeItem(atPath: folder.path("b/transcripts/run-2.conversation.json"))
        try run(["run", "--resume", folder.path("b")])
        let resumed = Array(try sessions(server).dropFirst(first.count + second.count))
        #expect(resumed == ["sess-\(executionB)-run-2-chatter2", "sess-\(executionB)-run-2-chatter2"])
        #expect(try json(record)["execution"] as? String == executionB)
    }

    @Test func aPinnedSessionIDIsSentOnEveryExecution() throws {
        let server = try ServerProcess.faultServer()
        let path = try config("pinned", url: "\(server.base)/session/chat", extra: "session_id: fixed-1")
        try run(["run", path, "--report-dir", folder.path("p1")])
        try run(["run", path, "--report-dir", folder.path("p2")])
        let sent = try sessions(server)
        #expect(sent.count == 8)
        #expect(Array(sent.prefix(4)) == Array(sent.suffix(4)))
        #expect(Set(sent) == ["pinned-fixed-1-run-1-chatter2", "pinned-fixed-1-run-2-chatter2"])
        #expect(try json(folder.path("p1/experiment.json"))["execution"] as? String == "fixed-1")
    }

    @Test func aBadSessionIDIsAConfigError() throws {
        let path = try config("badid", url: "http://127.0.0.1:9/chat", extra: "session_id: \"has space\"")
        let result = try ChatlabProcess.run(["validate", path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("session_id"), "\(result.stderr)")
    }

    @Test func aDeadEndpointEndsEachConversationAfterFiveFailedTurnsAndTheReportsAreWritten() throws {
        let server = try ServerProcess.faultServer()
        let path = try config("dead", url: "\(server.base)/fail500/chat", rounds: 8, chatter2: "    retries: 0")
        let result = try ChatlabProcess.run(["run", path, "--report-dir", folder.path("dead")])
        // The bot under test answered nothing: the run fails, with the breaker's reason (see GateTests).
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("answered 0 of 10 turns"), "\(result.stderr)")
        #expect(result.stderr.contains("error_limit: by chatter2: 5 failed turns in a row (2 conversations)"), "\(result.stderr)")
        for run in 1...2 {
            let record = try json(folder.path("dead/transcripts/run-\(run).conversation.json"))
            let end = try #require(record["end"] as? [String: Any])
            #expect(end["reason"] as? String == "error_limit")
            #expect(end["seat"] as? Int == 2 || end["seat"] as? String == "chatter2", "\(end)")
            #expect(end["detail"] as? String == "5 failed turns in a row")
            #expect(record["errorCount"] as? Int == 5)
            let botTurns = try TranscriptLines.objects(folder.path("dead/transcripts/run-\(run).jsonl"))
                .filter { $0["seat"] as? Int == 2 }
            #expect(botTurns.count == 5 && botTurns.allSatisfy { $0["error"] != nil })
        }
        for file in ["summary.json", "report.xlsx", "summary.xlsx"] {
            #expect(FileManager.default.fileExists(atPath: folder.path("dead/\(file)")), "\(file)")
        }
        let summary = try json(folder.path("dead/summary.json"))
        #expect((summary["total"] as? [String: Any])?["ends"] as? [String: Int] == ["error_limit": 2])
    }
}
