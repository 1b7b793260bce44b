import Foundation
import TestSupport
import Testing

/// `chatlab simulate`: SENSEI-style profiles run as a simulated user against real chatters, offline (template user)
/// and through an OpenAI-compatible server (LLM user), with the records, workbooks and SENSEI export checked.
@Suite(.serialized) struct SimulateCommandTests {
    /// Runs `chatlab simulate` into a fresh report folder and returns it.
    private func simulate(_ profile: String, bot: String, seed: Int = 3, environment: [String: String] = [:],
                          in folder: TemporaryDirectory, name: String = "r") throws -> (String, ChildProcess.Result) {
        let report = folder.path(name)
        let result = try ChatlabProcess.run(
            ["simulate", profile, "--bot", bot, "--seed", "\(seed)", "--report-dir", report], environment: environment)
        return (report, result)
    }

    private func records(_ report: String) throws -> [[String: Any]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: "\(report)/transcripts")
            .filter { $0.hasSuffix(".conversation.json") }.sorted()
        return try names.map {
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(report)/transcripts/\($0)"))) as! [String: Any]
        }
    }

    @Test func theDemoProfileFinishesEveryConversationWithItsOutputs() throws {
        let folder = try TemporaryDirectory(prefix: "chatlab-sim")
        let (report, result) = try simulate("profiles/pizza-order.yaml", bot: "config/chatters/shop.yaml", in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Simulated conversations: 6"), "\(result.stdout)")
        let all = try records(report)
        #expect(all.count == 6)
        for record in all {
            let outputs = record["outputs"] as? [String: Any] ?? [:]
            #expect(Set(outputs.keys) == ["price", "order_id", "delivery_minutes"])
            #expect(outputs.values.allSatisfy { !($0 is NSNull) }, "\(outputs)")
            let end = (record["end"] as? [String: Any])?["reason"] as? String
            #expect(end == "chatter_ended" || end == "goal_reached", "\(record["end"] ?? "")")
            let chosen = record["chosen"] as? [String: Any] ?? [:]
            #expect(chosen["size"] is [Any] && chosen["cans"] is NSNumber)  // SENSEI's shapes
        }
        // Both workbooks have the Simulation sheet, one row per conversation.
        for book in ["report.xlsx", "summary.xlsx"] {
            let sheet = try XLSXDump.load("\(report)/\(book)").sheet(named: "Simulation")
            #expect(sheet?.max_row == 7, "\(book)")
            #expect(sheet?.headers.contains("output: order_id") == true)
        }
        // The SENSEI export: one three-document YAML stream per conversation, read back by PyYAML.
        let check = try ChildProcess.run("/usr/bin/env", ["python3", "-c", """
            import glob, sys, yaml
            files = sorted(glob.glob(sys.argv[1] + '/sensei/pizza_order/*/*.yml'))
            assert len(files) == 6, files
            for f in files:
                meta, timing, talk = yaml.safe_load_all(open(f))
                assert meta['ask_about'][0] == 'a {{size}} pizza with {{toppings}}'
                assert any(isinstance(i, dict) and isinstance(i.get('size'), list) for i in meta['ask_about'])
                assert {list(d)[0] for d in meta['data_output']} == {'price', 'order_id', 'delivery_minutes'}
                assert isinstance(timing['assistant response time'], list)
                assert list(talk['interaction'][0]) == ['User']
            print('ok', len(files))
            """, report])
        #expect(check.stdout.contains("ok 6"), "\(check.stderr)")
    }

    @Test func theSameSeedGivesTheSameAssignmentsAndTranscripts() throws {
        let folder = try TemporaryDirectory(prefix: "chatlab-sim")
        let (first, a) = try simulate("profiles/pizza-order.yaml", bot: "config/chatters/shop.yaml", in: folder, name: "a")
        let (second, b) = try simulate("profiles/pizza-order.yaml", bot: "config/chatters/shop.yaml", in: folder, name: "b")
        let (other, c) = try simulate("profiles/pizza-order.yaml", bot: "config/chatters/shop.yaml", seed: 4, in: folder, name: "c")
        // Conversations held three at a time give the same transcripts as one at a time.
        let parallel = folder.path("p")
        let p = try ChatlabProcess.run(["simulate", "profiles/pizza-order.yaml", "--bot", "config/chatters/shop.yaml",
            "--seed", "3", "--concurrency", "3", "--report-dir", parallel])
        #expect(p.status == 0, "\(p.stderr)")
        for run in 1...6 {
            let path = "transcripts/run-\(run).jsonl"
            #expect(try TranscriptLines.withoutLatency("\(first)/\(path)") == TranscriptLines.withoutLatency("\(parallel)/\(path)"))
        }
        #expect(a.status == 0 && b.status == 0 && c.status == 0)
        for run in 1...6 {
            let path = "transcripts/run-\(run).jsonl"
            #expect(try TranscriptLines.withoutLatency("\(first)/\(path)") == TranscriptLines.withoutLatency("\(second)/\(path)"))
        }
        let chosen = { (report: String) in try self.records(report).map { ($0["chosen"] as? NSDictionary) ?? [:] } }
        #expect(try chosen(first) == chosen(second))
        #expect(try chosen(first) != chosen(other))
    }

    @Test func planShowsTheOdometerOrderAndTheCombinationCount() throws {
        let folder = try TemporaryDirectory(prefix: "chatlab-sim")
        try """
            test_name: drinks
            user:
              role: a customer
              goals:
                - "{{cans}} cans of {{drink}}"
                - cans: {function: forward(drink), type: int, data: [1, 2, 3]}
                - drink: {function: forward(), type: string, data: [sprite, coke, Orange Fanta]}
            chatbot: {is_starter: false, fallback: Sorry?, output: []}
            conversation: {number: all_combinations, goal_style: {steps: 2}, interaction_style: [default]}
            """.write(toFile: folder.path("p.yaml"), atomically: true, encoding: .utf8)
        let result = try ChatlabProcess.run(["simulate", folder.path("p.yaml"), "--plan"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("forward chain cans → drink (outermost first): 3 × 3 = 9 combinations"))
        #expect(result.stdout.contains("→ 9 conversations"))
        let order = result.stdout.split(separator: "\n").filter { $0.first?.isNumber == true }
            .map { $0.components(separatedBy: "  | ")[0] }
        #expect(order.prefix(4) == ["1. cans=1  drink=sprite", "2. cans=1  drink=coke", "3. cans=1  drink=Orange Fanta",
            "4. cans=2  drink=sprite"])
        #expect(order.count == 9)
        // The older-name warning names the line.
        #expect(result.stderr.contains("p.yaml:9:") && result.stderr.contains("all_combinations"))
    }

    @Test func aBotThatStartsGreetsTheSimulatedUserFirst() throws {
        let folder = try TemporaryDirectory(prefix: "chatlab-sim")
        let text = try String(contentsOfFile: "\(ChatlabProcess.root)/Tests/Fixtures/profiles/short-order.yaml", encoding: .utf8)
            .replacingOccurrences(of: "is_starter: false", with: "is_starter: true")
        try text.write(toFile: folder.path("starts.yaml"), atomically: true, encoding: .utf8)
        let (report, result) = try simulate(folder.path("starts.yaml"), bot: "config/chatters/shop.yaml", in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let turns = try TranscriptLines.objects("\(report)/transcripts/run-1.jsonl")
        #expect(turns.first?["seat"] as? Int == 2)
        #expect(turns.first?["text"] as? String == "Welcome to Pizza Lab! What would you like to order?")
        #expect(turns.dropFirst().first?["seat"] as? Int == 1)
        #expect(try records(report).allSatisfy { (($0["end"] as? [String: Any])?["reason"] as? String) == "goal_reached" })
    }

    @Test func aBotStuckOnItsFallbackEndsTheConversationAtTheLoopLimit() throws {
        let folder = try TemporaryDirectory(prefix: "chatlab-sim")
        try "kind: script\nname: lost\nlines: [\"Sorry, I did not understand. Could you rephrase?\"]\n"
            .write(toFile: folder.path("lost.yaml"), atomically: true, encoding: .utf8)
        let (report, result) = try simulate("Tests/Fixtures/profiles/short-order.yaml", bot: folder.path("lost.yaml"), in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        for record in try records(report) {
            let end = record["end"] as? [String: Any]
            #expect(end?["reason"] as? String == "loop_limit")
            #expect((end?["detail"] as? String)?.contains("9 times in a row") == true)
            let errors = (record["details"] as? [String: Any])?["errors"] as? [[String: Any]] ?? []
            #expect(errors.contains { $0["code"] as? Int == 1000 } && errors.contains { $0["code"] as? Int == 1001 })
        }
    }

    @Test func theLLMUserMakesOneCallPerMessageFewerThanTheSenseiTool() throws {
        let server = try FixtureServer(script: "fake_llm_user.py")
        let folder = try TemporaryDirectory(prefix: "chatlab-sim")
        let (report, result) = try simulate("Tests/Fixtures/profiles/short-order.yaml", bot: "config/chatters/shop.yaml",
            environment: ["OPENAI_BASE_URL": "http://127.0.0.1:\(server.port)/v1", "OPENAI_API_KEY": "sk-test-secret-key"],
            in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let all = try records(report)
        var calls = 0, senseiCalls = 0
        for record in all {
            let details = record["details"] as? [String: Any] ?? [:]
            #expect(details["voice"] as? String == "llm")
            let llm = details["llm"] as? [String: Any] ?? [:]
            let made = llm["calls"] as? Int ?? -1, turns = details["user_turns"] as? Int ?? -1
            #expect(made == turns + 1)  // one per message, and one that finds every goal answered
            calls += made
            senseiCalls += turns + (turns + 1) + 2  // its scheme: a call per message, per bot message, per output
            #expect((record["end"] as? [String: Any])?["reason"] as? String == "goal_reached")
            let outputs = record["outputs"] as? [String: Any] ?? [:]
            #expect((outputs["order_id"] as? String)?.hasPrefix("PZ-") == true && outputs["price"] is String, "\(outputs)")
        }
        let counted = try ChildProcess.run("/usr/bin/env", ["curl", "-s", "-X", "POST", "http://127.0.0.1:\(server.port)/count"])
        let byServer = try JSONSerialization.jsonObject(with: counted.stdoutData) as? [String: Any]
        #expect((byServer?["by_schema"] as? [String: Int])?["user_turn"] == calls)
        #expect(calls < senseiCalls)
        #expect(result.stdout.contains("user LLM calls \(calls) ") && result.stdout.contains("would make \(senseiCalls))"), "\(result.stdout)")
        // The key never reaches the report folder.
        let grep = try ChildProcess.run("/bin/grep", ["-rl", "sk-test-secret-key", report])
        #expect(grep.stdout.isEmpty)
    }

    @Test func anyListsAreMadeOnceByTheLLMAndBudgetsEndConversations() throws {
        let server = try FixtureServer(script: "fake_llm_user.py")
        let folder = try TemporaryDirectory(prefix: "chatlab-sim")
        let text = try String(contentsOfFile: "\(ChatlabProcess.root)/Tests/Fixtures/profiles/short-order.yaml", encoding: .utf8)
            .replacingOccurrences(of: "    - size:", with: "    - \"my friend {{name}} pays\"\n    - name: {function: random(), type: string, data: [Ada, any(2 first names)]}\n    - size:")
        try text.write(toFile: folder.path("any.yaml"), atomically: true, encoding: .utf8)
        let environment = ["OPENAI_BASE_URL": "http://127.0.0.1:\(server.port)/v1", "XDG_CACHE_HOME": folder.path("cache")]
        func counts() throws -> [String: Int] {
            let counted = try ChildProcess.run("/usr/bin/env", ["curl", "-s", "-X", "POST", "http://127.0.0.1:\(server.port)/count"])
            return (try JSONSerialization.jsonObject(with: counted.stdoutData) as? [String: Any])?["by_schema"] as? [String: Int] ?? [:]
        }
        for name in ["a", "b"] {
            let (report, result) = try simulate(folder.path("any.yaml"), bot: "config/chatters/shop.yaml", environment: environment,
                in: folder, name: name)
            #expect(result.status == 0, "\(result.stderr)")
            for record in try records(report) {
                let chosen = (record["chosen"] as? [String: Any])?["name"] as? [String]
                #expect(chosen.map { ["Ada", "falafel", "nachos"].contains($0[0]) } == true, "\(chosen ?? [])")
            }
        }
        #expect(try counts()["any_list"] == 1)  // made once, then read from the cache
        // A budget of 3 calls: the first conversation uses them, the second ends at once with SENSEI's code 2000.
        let before = try counts()["user_turn"] ?? 0
        let limited = folder.path("limited")
        let run = try ChatlabProcess.run(["simulate", folder.path("any.yaml"), "--bot", "config/chatters/shop.yaml",
            "--report-dir", limited, "--max-llm-calls", "3"], environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try counts()["user_turn"] == before + 3)
        let ends = try records(limited).map { (($0["end"] as? [String: Any])?["reason"] as? String) ?? "" }
        #expect(ends == ["budget", "budget"])
        let codes = try records(limited).flatMap { ((($0["details"] as? [String: Any])?["errors"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? Int } }
        #expect(codes.contains(2000))
    }

    @Test func theSimulatorDemoConfigValidatesAndChecks() throws {
        let validate = try ChatlabProcess.run(["validate", "config/simulate-demo.yaml"])
        #expect(validate.status == 0, "\(validate.stderr)")
        // `check` asks each chatter once, outside any run: the simulated user answers as conversation 1 would.
        let check = try ChatlabProcess.run(["check", "config/simulate-demo.yaml"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("chatter1 customer: ok") && check.stdout.contains("chatter2 pizza-shop: ok"))
    }
}
