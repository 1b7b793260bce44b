import Foundation
import Testing
import TestSupport

/// `chatlab load` end to end: the built binary against `chatlab serve` with the demo bot.
@Suite struct LoadCommandTests {
    /// Serves config/chatters/intents.yaml and writes a WebSocket chatter file for it, like config/chatters/helpdesk-ws.yaml.
    static func demo(in folder: TemporaryDirectory) throws -> (ServerProcess, String) {
        let server = try ServerProcess.chatlabServe(chatterFile: "\(ChatlabProcess.root)/config/chatters/intents.yaml")
        let demo = try String(contentsOfFile: "\(ChatlabProcess.root)/config/chatters/helpdesk-ws.yaml", encoding: .utf8)
        let bot = folder.path("bot.yaml")
        try demo.replacingOccurrences(of: "127.0.0.1:8765", with: "127.0.0.1:\(server.port)")
            .write(toFile: bot, atomically: true, encoding: .utf8)
        return (server, bot)
    }

    @Test func stepLoadWritesResultsAndAWorkbookWithChartsAndFailsOnAThreshold() throws {
        let folder = try TemporaryDirectory()
        let (server, bot) = try Self.demo(in: folder)
        // 8, 16 and 24 messages: the last step cycles through all 20 prompts, the two misclassified ones among them.
        let result = try ChatlabProcess.run([
            "load", "loadtests/demo.jsonl", "--bot", bot, "--steps", "1..3/1", "--pause", "0", "--per-user", "8",
            "--out", folder.path("out"), "--fail-on", "intent_accuracy > 0.99", "--fail-on", "p99.9 < 60s",
        ])
        _ = server
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("intent_accuracy > 0.99") && $0.hasSuffix("FAIL") })
        #expect(lines.contains { $0.hasPrefix("p99.9 < 60s") && $0.hasSuffix("pass") })
        #expect(lines.contains { $0.hasPrefix("sent 48  answered ") })

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path("out/load.json"))))
            as! [String: Any]
        let steps = json["steps"] as! [[String: Any]]
        #expect(steps.map { $0["users"] as! Int } == [1, 2, 3])
        let statistics = json["statistics"] as! [String: Any]
        let errors = (statistics["errors"] as! [String: Int]).values.reduce(0, +)
        #expect(statistics["sent"] as! Int == 48)
        #expect(statistics["answered"] as! Int + errors == 48)
        #expect(json["messageLog"] as? String == "messages.jsonl")
        let logged = try String(contentsOfFile: folder.path("out/messages.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(logged.count == 48)

        let book = try XLSXDump.load(folder.path("out/load.xlsx"))
        #expect(book.sheetNames == ["Summary", "Intents", "Over time", "Steps", "Quality", "Failures"])
        let intents = try #require(book.sheet(named: "Intents"))
        #expect(Set(intents.charts.compactMap(\.type)) == ["barChart", "pieChart"])
        #expect(book.sheet(named: "Steps")?.charts.map(\.type) == ["lineChart", "lineChart"])
        #expect(book.sheet(named: "Over time")?.charts.map(\.type) == ["lineChart", "lineChart"])
        #expect(book.sheet(named: "Steps")?.headers.first == "users")

        // LibreOffice opens it: it converts to a PDF.
        let soffice = try #require(LibreOffice.soffice, "soffice is missing: install libreoffice-calc-nogui (scripts/setup.sh)")
        let status = try LibreOffice.convertToPDF(
            [folder.path("out/load.xlsx")], soffice: soffice, outdir: folder.path("pdf"), profile: folder.path("profile"))
        #expect(status == 0)
        let head = try FileHandle(forReadingFrom: URL(fileURLWithPath: folder.path("pdf/load.pdf"))).read(upToCount: 5)
        #expect(head == Data("%PDF-".utf8))
    }

    @Test func passingThresholdsExitZeroAndBadPromptsNameTheLine() throws {
        let folder = try TemporaryDirectory()
        let (server, bot) = try Self.demo(in: folder)
        let ok = try ChatlabProcess.run([
            "load", "loadtests/demo.jsonl", "--bot", bot, "--connections", "5", "--rate", "100/s", "--messages", "20",
            "--out", folder.path("out"), "--fail-on", "error_rate < 50%", "--zip",
        ])
        _ = server
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("intent accuracy "))
        // The zip holds both files, as Python's zipfile reads it.
        let listed = try ChildProcess.run("/usr/bin/env", ["python3", "-c",
            "import sys, zipfile; print(sorted(zipfile.ZipFile(sys.argv[1]).namelist()))", folder.path("out/load.zip")])
        #expect(listed.stdout == "['load.json', 'load.xlsx', 'messages.jsonl']\n")

        let bad = folder.path("bad.jsonl")
        try "{\"Question\": \"fine\"}\n{\"Intent\": 3, \"Question\": \"x\"}\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try ChatlabProcess.run(["load", bad, "--bot", bot, "--out", folder.path("out2")])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(bad):2: has a 'Intent' that is not text"))
    }

    @Test func aLoadConfigRunsWithOptionsOnTopAndScoresTheRepliesUnderLoad() throws {
        let folder = try TemporaryDirectory()
        let (server, bot) = try Self.demo(in: folder)
        // The shipped config/load-demo.yaml, with its bot and report folder overridden by options.
        let result = try ChatlabProcess.run([
            "load", "config/load-demo.yaml", "--bot", bot, "--out", folder.path("out"), "--steps", "1..2/1",
            "--per-user", "10", "--quiet",
        ])
        _ = server
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("sent 30  answered ") })
        #expect(lines.contains { $0.hasPrefix("length checks passed: ") })
        // Three demo prompts carry an Answer: the lab's answer judge scores them, beside the configured scorers.
        #expect(lines.contains { $0.hasPrefix("answer correctness") && $0.contains(" all ") })
        #expect(lines.contains { $0.hasPrefix("toxicity") && $0.contains(" all ") })
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path("out/load.json"))))
            as! [String: Any]
        let quality = try #require(json["quality"] as? [String: Any])
        #expect((quality["byUsers"] as! [[String: Any]]).map { $0["users"] as! Int } == [1, 2])
        let book = try XLSXDump.load(folder.path("out/load.xlsx"))
        #expect(book.sheetNames == ["Summary", "Intents", "Over time", "Steps", "Quality", "Failures"])
        #expect(book.sheet(named: "Quality")?.charts.map(\.type) == ["lineChart"])
        let logged = try String(contentsOfFile: folder.path("out/messages.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(logged.count == 30)

        // A mistake in a load config names its line; validate reads the file without sending anything.
        let bad = folder.path("bad.yaml")
        try "load:\n  prompts: [x.jsonl]\n  conections: 5\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try ChatlabProcess.run(["load", bad])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(bad):3:3"))
        let valid = try ChatlabProcess.run(["validate", "config/load-demo.yaml"])
        #expect(valid.status == 0 && valid.stdout.contains("config/load-demo.yaml: ok (load test)"))
    }

    @Test func shardsRunAsSeparateProcessesAndMergeIntoTheWholeTest() throws {
        let folder = try TemporaryDirectory()
        let (server, bot) = try Self.demo(in: folder)
        for index in 1...2 {
            let shard = try ChatlabProcess.run([
                "load", "loadtests/demo.jsonl", "--bot", bot, "--connections", "5", "--messages", "40",
                "--shard", "\(index)/2", "--out", folder.path("shard-\(index)"), "--quiet",
            ])
            #expect(shard.status == 0, "\(shard.stdout)\(shard.stderr)")
        }
        let merged = try ChatlabProcess.run([
            "merge", folder.path("shard-2"), folder.path("shard-1"), "--out", folder.path("merged"),
        ])
        _ = server
        #expect(merged.status == 0, "\(merged.stdout)\(merged.stderr)")
        #expect(merged.stdout.contains("sent 40  answered 38  errors 2"))
        // Every message of the whole test once: numbers 0..<40, each with its prompt in the whole test.
        let lines = try String(contentsOfFile: folder.path("merged/messages.jsonl"), encoding: .utf8).split(separator: "\n")
        let messages = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(messages.map { $0["index"] as! Int }.sorted() == Array(0..<40))
        #expect(messages.allSatisfy { ($0["index"] as! Int) % 20 == $0["prompt"] as! Int })
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path("merged/load.json"))))
            as! [String: Any]
        #expect((json["statistics"] as! [String: Any])["users"] as? Int == 5)
        // A missing shard is refused, naming it; a shard that leaves no user is refused before anything is sent.
        let missing = try ChatlabProcess.run(["merge", folder.path("shard-1"), "--out", folder.path("m2")])
        #expect(missing.status == 2 && missing.stderr.contains("shard(s) 2/2 missing"))
        let empty = try ChatlabProcess.run([
            "load", "loadtests/demo.jsonl", "--bot", bot, "--connections", "2", "--shard", "3/3", "--out", folder.path("s3"),
        ])
        #expect(empty.status == 2 && empty.stderr.contains("leaves this shard no user"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("s3")))
    }

    @Test func badOptionsAreRefusedWithTheFix() throws {
        let rate = try ChatlabProcess.run(["load", "loadtests/demo.jsonl", "--bot", "config/chatters/helpdesk-ws.yaml", "--rate", "fast"])
        #expect(rate.status == 2)
        #expect(rate.stderr.contains("--rate fast: is not a rate. Write e.g. --rate 200/s"))
        let steps = try ChatlabProcess.run(["load", "loadtests/demo.jsonl", "--bot", "config/chatters/helpdesk-ws.yaml", "--steps", "10..5/1"])
        #expect(steps.status == 2)
        #expect(steps.stderr.contains("--steps 10..5/1: is not FIRST..LAST/STEP. Write e.g. --steps 10..100/10"))
        let threshold = try ChatlabProcess.run(
            ["load", "loadtests/demo.jsonl", "--bot", "config/chatters/helpdesk-ws.yaml", "--fail-on", "p95 < 5%"])
        #expect(threshold.status == 2)
        #expect(threshold.stderr.contains("threshold 'p95 < 5%': gives a latency in %"))
    }
}
