import Foundation
import TestSupport
import Testing

/// Issue #22, end to end: `chatlab run` and `chatlab check` against hostile servers (`Tests/Fixtures/fault_server.py`).
@Suite(.serialized) struct HostileNetworkRunTests {
    let folder: TemporaryDirectory
    let server: ServerProcess

    init() throws {
        folder = try TemporaryDirectory(prefix: "chatlab-hostile")
        server = try ServerProcess.faultServer()
    }

    private func config(_ name: String, rounds: Int, chatter2: String) throws -> String {
        let text = """
            name: \(name)
            rounds: \(rounds)
            chatters:
              chatter1: {kind: script, lines: [Hello there bot, My name is Ann, What is my name?]}
              chatter2: \(chatter2)
            report: {out: \(folder.path("reports"))}
            """
        let path = folder.path("\(name).yaml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func botErrorKinds(_ report: String) throws -> [String] {
        try TranscriptLines.objects("\(report)/transcripts/run-1.jsonl").filter { $0["seat"] as? Int == 2 }
            .map { ($0["error"] as? [String: Any])?["kind"] as? String ?? "ok" }
    }

    private func reportFolder(_ output: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix("report folder: ") }.map { String($0.dropFirst(15)) }
    }

    @Test func aNaNRetryAfterDoesNotKillTheRun() throws {
        let path = try config("nan", rounds: 3, chatter2: """
            {kind: http, url: "\(server.base)/retryafter-nan/chat", body: {message: "{{message}}"}, \
            reply_path: data.messages.0.text, timeout: 5, backoff: 0.05}
            """)
        let result = try ChatlabProcess.run(["run", path])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(reportFolder(result.stdout), "\(result.stdout)")
        #expect(try botErrorKinds(report) == ["ok", "ok", "ok"])
    }

    @Test func anEndlessBodyEndsEachTurnAsTooLargeAndMemoryStaysSmall() throws {
        let path = try config("endless", rounds: 2, chatter2: """
            {kind: http, url: "\(server.base)/endless/chat", body: {message: "{{message}}"}, timeout: 60, \
            retries: 0, max_reply_bytes: 1048576}
            """)
        // Run under a Python parent that reports the child's peak resident memory (ru_maxrss, KiB) on its last line.
        let script = """
            import resource, subprocess, sys
            r = subprocess.run(sys.argv[1:], capture_output=True)
            sys.stdout.buffer.write(r.stdout)
            sys.stderr.buffer.write(r.stderr)
            print("peak-kib", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            sys.exit(r.returncode)
            """
        let result = try ChildProcess.run(
            "/usr/bin/env", ["python3", "-c", script, ChatlabProcess.binary, "run", path], directory: ChatlabProcess.root)
        // The bot answered no turn, so the run fails its gate (exit status 1); the reports are written all the same.
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("answered 0 of 2 turns"), "\(result.stderr)")
        let report = try #require(reportFolder(result.stdout), "\(result.stdout)")
        #expect(try botErrorKinds(report) == ["too_large", "too_large"])
        let peak = result.stdout.split(separator: "\n").last { $0.hasPrefix("peak-kib ") }
            .flatMap { Int($0.dropFirst(9)) } ?? .max
        #expect(peak < 400 * 1024, "peak resident memory \(peak) KiB")
    }

    @Test func checkShowsControlCharactersOfARemoteReplyEscaped() throws {
        let path = try config("ansi", rounds: 1, chatter2: """
            {kind: http, url: "\(server.base)/ansi/chat", body: {message: "{{message}}"}, reply_path: data.messages.0.text}
            """)
        let result = try ChatlabProcess.run(["check", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x0D })
        #expect(result.stdout.contains(#"\x1b[2J\x1b]0;pwned\x07bot \x9b31m heard\x0d: "#), "\(result.stdout)")
    }
}
