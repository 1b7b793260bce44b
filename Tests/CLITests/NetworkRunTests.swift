import Foundation
import TestSupport
import Testing

/// End to end: `chatlab run` with network chatters against `chatlab serve` and the fault-injecting fixture server.
@Suite(.serialized) struct NetworkRunTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory(prefix: "chatlab-net")
    }

    /// `extra` holds more top-level lines.
    private func config(_ name: String, rounds: Int, extra: String = "", chatter2: String) throws -> String {
        try ScriptedTesterConfig.write(name, rounds: rounds, extra: extra, chatter2: chatter2, in: folder)
    }

    private func botTurns(_ report: String) throws -> [[String: Any]] {
        try TranscriptLines.objects("\(report)/transcripts/run-1.jsonl").filter { $0["seat"] as? Int == 2 }
    }

    @Test func httpWebSocketAndOpenAIRunsAgainstTheBuiltInServer() throws {
        let server = try ServerProcess.chatlabServe(bot: "echo")
        let shapes: [(String, String)] = [
            ("http", """
                kind: http
                url: \(server.base)/chat
                body: {session: "{{session}}", message: "{{message}}"}
                reply_path: reply
                """),
            ("websocket", """
                kind: websocket
                url: ws://127.0.0.1:\(server.port)/ws
                reply_path: reply
                """),
            ("openai", """
                kind: openai
                base_url: \(server.base)/v1
                model: echo
                system: You are a test bot.
                """),
            ("openai-stream", """
                kind: openai
                base_url: \(server.base)/v1
                model: echo
                stream: true
                """),
        ]
        for (name, chatter) in shapes {
            let report = folder.path("report-\(name)")
            let result = try ChatlabProcess.run(["run", try config(name, rounds: 4, chatter2: chatter), "--report-dir", report, "-q"])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            let turns = try botTurns(report)
            #expect(turns.map { $0["text"] as? String } == ["Hello there bot", "My name is Ann", "What is my name?", "I live in Porto"], "\(name)")
            #expect(turns.allSatisfy { $0["error"] == nil }, "\(name)")
            let metrics = turns.compactMap { $0["metrics"] as? [String: Double] }
            if name.hasPrefix("openai") {
                #expect(metrics.count == 4)
                #expect(metrics.allSatisfy { $0["completion_tokens"] != nil && $0["prompt_tokens"] != nil && $0["tokens_per_second"] != nil })
                #expect(metrics.last?["completion_tokens"] == 4)
                #expect(metrics.allSatisfy { ($0["ttft"] != nil) == (name == "openai-stream") }, "\(name)")
            }
            if name == "http" { #expect(metrics.allSatisfy { $0["http_status"] == 200 && $0["retries"] == 0 }) }
            if name == "websocket" { #expect(metrics.map { $0["connected"] } == [1, 0, 0, 0]) }
        }
    }

    @Test func faultsMarkTheirTurnsAndSecretsStayOutOfTheReports() throws {
        let server = try ServerProcess.faultServer()
        let secret = "sk-test-\(UUID().uuidString)"
        // Rounds 2-6 fail in a row, more than the default circuit breaker allows: raise it to see every fault.
        // Round 8's server echoes the Authorization header in its 401 (body and header), as some gateways do.
        let path = try config("faults", rounds: 9, extra: "max_consecutive_errors: 10", chatter2: """
            kind: http
            url: \(server.base)/2=slow,3=reset,4=malformed,5=missing,6=fail500,7=auth,8=echoauth/chat
            headers: {Authorization: "Bearer ${CHATLAB_NET_TEST_SECRET}", X-Client: chatlab-tests}
            body: {message: "{{message}}", round: "{{round}}", history: "{{history}}"}
            reply_path: data.messages.0.text
            timeout: 1
            retries: 1
            backoff: 0.05
            """)
        let report = folder.path("report-faults")
        let result = try ChatlabProcess.run(
            ["run", path, "--report-dir", report], environment: ["CHATLAB_NET_TEST_SECRET": secret])
        #expect(result.status == 0, "\(result.stderr)")
        let turns = try botTurns(report)
        #expect(turns.count == 9)
        let kinds = turns.map { ($0["error"] as? [String: Any])?["kind"] as? String ?? "ok" }
        #expect(kinds == ["ok", "timeout", "connection", "malformed", "malformed", "http_500", "ok", "http_401", "ok"])
        #expect(turns[6]["text"] as? String == "bot heard: What is my name?")
        let echoed = (turns[7]["error"] as? [String: Any])?["message"] as? String ?? ""
        #expect(echoed.contains("Incorrect API key provided: Bearer ••••"), "\(echoed)")
        let missing = (turns[4]["error"] as? [String: Any])?["message"] as? String ?? ""
        #expect(missing.contains("data.messages.0.text"))

        let (recorded, _) = try fetch("\(server.base)/recorded")
        #expect(recorded.contains("Bearer \(secret)"))
        #expect(!result.stdout.contains(secret))
        #expect(!result.stderr.contains(secret))
        for file in try FileManager.default.subpathsOfDirectory(atPath: report) {
            let full = "\(report)/\(file)"
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            let data = try Data(contentsOf: URL(fileURLWithPath: full))
            #expect(data.range(of: Data(secret.utf8)) == nil, "\(file) holds the secret")
            if file.hasSuffix(".xlsx") {
                let found = try Python.run(script: "Tests/Fixtures/zip_contains.py", arguments: [full, secret])
                #expect(String(decoding: found, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "no", "\(file)")
            }
        }
    }

    @Test func serveNamesTheKindsWhenTheBotIsUnknown() throws {
        let result = try ChatlabProcess.run(["serve", "--bot", "ech0", "--port", "0"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown bot kind 'ech0'"))
        #expect(result.stderr.contains("Did you mean 'echo'?"))
    }

    private func fetch(_ url: String) throws -> (String, Int32) {
        let result = try ChildProcess.run(
            "/usr/bin/env",
            ["python3", "-c", "import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1]).read().decode())", url])
        return (result.stdout, result.status)
    }
}
