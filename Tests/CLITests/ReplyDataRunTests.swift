import Foundation
import TestSupport
import Testing

/// End to end: `chatlab run` with `data_paths` against the fixture server's `data` mode (`Tests/Fixtures/fault_server.py`):
/// the values land in the transcript turns' `data` and in the run sheet's data column.
@Suite(.serialized) struct ReplyDataRunTests {
    let folder: TemporaryDirectory
    let server: ServerProcess

    init() throws {
        folder = try TemporaryDirectory(prefix: "chatlab-data")
        server = try ServerProcess.faultServer()
    }

    private func config(_ name: String, chatter2: String) throws -> String {
        let text = """
            name: \(name)
            rounds: 3
            chatters:
              chatter1:
                kind: script
                lines: [Hello there bot, What is my name?, I live in Porto]
              chatter2:
            \(chatter2.split(separator: "\n").map { "    \($0)" }.joined(separator: "\n"))
            """
        let path = folder.path("\(name).yaml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: [
        ("http", """
            kind: http
            url: {base}/data/chat
            body: {message: "{{message}}", round: "{{round}}"}
            reply_path: data.messages.0.text
            data_paths: {intent: intent, buttons: data.buttons, refs: meta.references}
            """),
        ("websocket", """
            kind: websocket
            url: ws://127.0.0.1:{port}/ws/data
            reply_path: reply
            data_paths: {intent: intent, buttons: buttons, refs: meta.references}
            """),
    ])
    func dataPathsFillTheTranscriptAndTheRunSheet(_ kind: String, _ chatter: String) throws {
        let report = folder.path("report-\(kind)")
        let options = chatter.replacingOccurrences(of: "{base}", with: server.base)
            .replacingOccurrences(of: "{port}", with: "\(server.port)")
        let result = try ChatlabProcess.run(["run", try config(kind, chatter2: options), "--report-dir", report, "-q"])
        #expect(result.status == 0, "\(result.stderr)")

        let lines = try TranscriptLines.objects("\(report)/transcripts/run-1.jsonl")
        let bot = lines.filter { $0["seat"] as? Int == 2 }
        #expect(bot.map { $0["text"] as? String } == ["bot heard: Hello there bot", "bot heard: What is my name?", "bot heard: I live in Porto"])
        #expect(bot.allSatisfy { $0["error"] == nil })
        let data = bot.map { $0["data"] as? [String: Any] ?? [:] }
        #expect(data.map { $0["intent"] as? String } == ["greeting", "question", "statement"])
        #expect(data.allSatisfy { ($0["buttons"] as? [[String: Any]])?.compactMap { $0["title"] as? String } == ["Yes", "No"] })
        // `meta.references` is only in the question's answer: absent elsewhere, and no error.
        #expect(data.map { ($0["refs"] as? [String])?.count } == [nil, 1, nil])
        #expect(data.map { Set($0.keys) } == [["intent", "buttons"], ["intent", "buttons", "refs"], ["intent", "buttons"]])
        // The tester's lines carry no data, so their transcript lines have no `data` key at all.
        #expect(lines.filter { $0["seat"] as? Int == 1 }.allSatisfy { $0["data"] == nil })
        #expect(try TranscriptLines.lines("\(report)/transcripts/run-1.jsonl").filter { $0.contains(#""data":"#) }.count == 3)

        let sheet = try #require(try XLSXDump.load("\(report)/report.xlsx").sheet(named: "Run 1"))
        let column = try #require(sheet.column(named: "chatter2 data"), "\(sheet.headers)")
        #expect(sheet.column(named: "chatter1 data") == nil)
        let first = try #require(sheet.value(row: 2, col: column)?.string)
        #expect(first == #"{"buttons":[{"title":"Yes","value":1},{"title":"No","value":0}],"intent":"greeting"}"#)
        #expect(sheet.value(row: 3, col: column)?.string?.contains(#""refs":["faq/2"]"#) == true)
    }

    @Test func aMalformedDataPathStopsTheRunNamingFileAndLine() throws {
        let path = try config("bad", chatter2: """
            kind: http
            url: \(server.base)/data/chat
            data_paths: {intent: intent, buttons: data..buttons}
            """)
        let result = try ChatlabProcess.run(["validate", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.yaml:10:43: error:"), "\(result.stderr)")
        #expect(result.stderr.contains("data..buttons"))
    }
}
