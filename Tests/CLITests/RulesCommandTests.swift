import Foundation
import TestSupport
import Testing

// Issue #17: `chatlab rules check / validate` as a user runs them, the `rules:` key of a real run, the Rules sheets
// read back with openpyxl, and a bounded slice of the rules fuzzer.

private let fixtures = ChatlabProcess.root + "/Tests/Fixtures/rules"

@Suite struct RulesCommandTests {
    @Test func checkingSenseiFilesPrintsTheTableAndWritesCSVAndWorkbook() throws {
        let out = try TemporaryDirectory()
        let result = try ChatlabProcess.run([
            "rules", "check", "\(fixtures)/pizza-rules.yaml", "--on", "\(fixtures)/sensei", "--csv", out.path("results.csv"),
            "--out", out.path("book"),
        ])
        #expect(result.status == 1, "a rule fails, so the check fails: \(result.stderr)")
        #expect(result.stdout.contains("Checking 6 rule(s) on 5 conversation(s)"))
        #expect(result.stdout.contains("Missing slots: ['price']"))
        let csv = try String(contentsOfFile: out.path("results.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines[0] == "rule,checks,pass,fail,not_applicable,fail_rate,errors,not_evaluated")
        #expect(lines.contains("small_pizza_price,5,1,1,2,50.00%,1,0"))
        #expect(lines.contains("more_toppings_cost_more,10,0,1,7,100.00%,2,0"))
        #expect(lines.contains("timeout,5,4,1,0,20.00%,0,0"))
        #expect(try String(contentsOfFile: out.path("book/rules.csv"), encoding: .utf8) == csv)

        let sheet = try #require(try XLSXDump.load(out.path("book/rules.xlsx")).sheet(named: "Rules"))
        #expect(sheet.headers == ["rule", "conversations", "checks", "pass", "fail", "not applicable", "errors",
                                  "not evaluated", "fail rate", "first failures"])
        let row = try #require(sheet.row(labelled: "slots_filled"))
        #expect(sheet.value(row: row, col: 3)?.number == 5)
        #expect(sheet.value(row: row, col: 5)?.number == 2)
        #expect(sheet.value(row: row, col: 9)?.number == 0.4)
        #expect(sheet.value(row: row, col: 10)?.string?.contains("Missing slots: ['order_id']") == true)
        #expect(sheet.row(labelled: "switched_off") == nil)
    }

    @Test func validateShowsTheRuleFilesLineColumnAndCaret() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("bad.yaml")
        try "- name: ok\n  description: d\n  oracle: True\n- name: broken\n  description: d\n  when: size[0] == 'small' and\n  oracle: True\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try ChatlabProcess.run(["rules", "validate", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path):6:31: error: invalid syntax in 'when' of rule 'broken'"), "\(result.stderr)")
        #expect(result.stderr.contains("    when: size[0] == 'small' and\n" + String(repeating: " ", count: 34) + "^"))
        let good = try ChatlabProcess.run(["rules", "validate", "\(fixtures)/pizza-rules.yaml"])
        #expect(good.status == 0)
        #expect(good.stdout.contains("7 rule(s) ok"))
    }

    @Test func aRunWithRulesAddsTheRulesSheetsCSVAndSummary() throws {
        let folder = try TemporaryDirectory()
        let demo = try String(contentsOfFile: ChatlabProcess.root + "/config/demo.yaml", encoding: .utf8)
            .replacingOccurrences(of: "testsets: ../testsets", with: "testsets: \(ChatlabProcess.root)/testsets")
        try (demo + "\nrules: [demo-rules.yaml]\n").write(toFile: folder.path("demo.yaml"), atomically: true, encoding: .utf8)
        try """
            - {name: replies_without_errors, description: d, oracle: 'all(t.error is None for t in turns)'}
            - {name: tester_asks_my_name, description: d, oracle: 'len(user_phrases) == 20 and len(interaction) == 40'}
            - {name: few_replies, description: fails on purpose, oracle: 'len(chatbot_phrases) < 5'}
            - {name: no_price_here, description: errors on purpose, oracle: 'price > 1'}
            - {name: long_conversations, description: d, conversations: all, oracle: "num_exist('len(turns) > 10') == 2"}
            - {name: same_length, description: d, conversations: 2, oracle: 'len(conv[0].turns) == len(conv[1].turns)'}
            """.write(toFile: folder.path("demo-rules.yaml"), atomically: true, encoding: .utf8)
        let run = try ChatlabProcess.run([
            "run", folder.path("demo.yaml"), "--out", folder.path("out"), "--runs", "2", "--rounds", "20", "-q",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let report = folder.path("out/demo-latest")
        let csv = try String(contentsOfFile: "\(report)/rules.csv", encoding: .utf8)
        #expect(csv.contains("replies_without_errors,2,2,0,0,0.00%,0,0"))
        #expect(csv.contains("few_replies,2,0,2,0,100.00%,0,0"))
        #expect(csv.contains("no_price_here,2,0,0,0,0.00%,2,0"))
        #expect(csv.contains("long_conversations,1,1,0,0,0.00%,0,0"))
        #expect(csv.contains("same_length,1,1,0,0,0.00%,0,0"))
        #expect(csv.contains("tester_asks_my_name,2,2,0,0,0.00%,0,0"))

        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(report)/summary.json")))
            as! [String: Any]
        let rules = try #require(summary["rules"] as? [[String: Any]])
        #expect(rules.first { $0["rule"] as? String == "no_price_here" }?["errors"] as? Int == 2)
        for book in ["summary.xlsx", "report.xlsx"] {
            let sheet = try #require(try XLSXDump.load("\(report)/\(book)").sheet(named: "Rules"), "\(book)")
            let row = try #require(sheet.row(labelled: "no_price_here"), "\(book)")
            #expect(sheet.value(row: row, col: 7)?.number == 2)
            #expect(sheet.value(row: row, col: 10)?.string?.contains("NameError: name 'price' is not defined") == true)
        }

        // The same rules checked afterwards on the report folder: same numbers, exit 1 for the failing rule.
        let check = try ChatlabProcess.run(["rules", "check", folder.path("demo-rules.yaml"), "--on", report, "--csv", folder.path("again.csv")])
        #expect(check.status == 1)
        #expect(try String(contentsOfFile: folder.path("again.csv"), encoding: .utf8) == csv)
    }

    @Test func aSliceOfTheRulesFuzzerFindsNoCrashOrHang() throws {
        let output = try ChildProcess.run(
            "/usr/bin/env",
            ["python3", ChatlabProcess.root + "/scripts/fuzz_rules.py", "--count", "3000", "--batch", "1000", "--seed", "17",
             "--binary", ChatlabProcess.binary, "--json"])
        let line = output.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(output.stdout)\(output.stderr)")
        let counts = try #require(report["counts"] as? [String: [String: Int]])
        #expect((counts["expression"]?["inputs"] ?? 0) + (counts["rule_file"]?["inputs"] ?? 0) == 3000)
        for kind in ["expression", "rule_file"] {
            for verdict in ["crash", "fatal", "hang"] {
                #expect(counts[kind]?[verdict] == 0, "\(kind) \(verdict); inputs kept in \(report["kept"] ?? "")")
            }
        }
    }

    @Test func theShippedShopRulesCatchEveryDefectAndPassTheDefectFreeBot() throws {
        let output = try ChildProcess.run(
            "/usr/bin/env",
            ["python3", ChatlabProcess.root + "/scripts/rules_mutation_score.py", "--binary", ChatlabProcess.binary, "--json"])
        let line = output.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(output.stdout)\(output.stderr)")
        #expect(report["defect_free_failures"] as? [String] == [])
        #expect(report["score"] as? Int == 6 && report["defects"] as? Int == 6, "\(report)")
        let caught = try #require(report["caught"] as? [String: [String]])
        #expect(caught["repeats_order_ids"] == ["unique_order_ids"])
        #expect(caught["wrong_currency"] == ["prices_in_dollars"])
    }

    @Test func aSimulatedRunAndItsSenseiExportGiveTheSameCounts() throws {
        let folder = try TemporaryDirectory()
        try "kind: shop\nname: pizza-shop\ndefects: [repeats_order_ids, wrong_currency]\n"
            .write(toFile: folder.path("shop.yaml"), atomically: true, encoding: .utf8)
        let report = folder.path("sim")
        let run = try ChatlabProcess.run([
            "simulate", "profiles/pizza-order.yaml", "--bot", folder.path("shop.yaml"), "--report-dir", report, "-q",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let rules = "config/rules/shop.yaml"
        let fromTranscripts = try ChatlabProcess.run(["rules", "check", rules, "--on", report, "--csv", folder.path("a.csv")])
        let fromExport = try ChatlabProcess.run(["rules", "check", rules, "--on", "\(report)/sensei", "--csv", folder.path("b.csv")])
        #expect(fromTranscripts.status == 1 && fromExport.status == 1)
        #expect(fromTranscripts.stdout.contains("on 6 conversation(s)"), "the sensei/ export is not counted again")
        let csv = try String(contentsOfFile: folder.path("a.csv"), encoding: .utf8)
        #expect(csv == (try String(contentsOfFile: folder.path("b.csv"), encoding: .utf8)))
        #expect(csv.contains("prices_in_dollars,6,0,6,0,100.00%,0,0"))
        #expect(csv.contains("unique_order_ids,1,0,1,0,100.00%,0,0"))
    }

    @Test func llmHelpersAskTheConfiguredModelOnceAndAreNotEvaluatedOffline() throws {
        let folder = try TemporaryDirectory()
        let rules = folder.path("llm.yaml")
        try """
            - name: states_the_order_id
              description: the bot tells the order id
              oracle: semantic_content(chatbot_phrases[-1], 'order id')
            - name: friendly_customer
              description: the last user message is positive
              oracle: tone(user_phrases[-1]) == ['POSITIVE']
            """.write(toFile: rules, atomically: true, encoding: .utf8)
        let offline = try ChatlabProcess.run(["rules", "check", rules, "--on", "\(fixtures)/sensei", "--csv", folder.path("off.csv")])
        #expect(offline.status == 0, "not evaluated does not fail the check: \(offline.stdout)")
        let off = try String(contentsOfFile: folder.path("off.csv"), encoding: .utf8)
        #expect(off.contains("states_the_order_id,5,0,0,0,0.00%,0,5"))
        #expect(offline.stdout.contains("no LLM configured"))

        let server = try FixtureServer(script: "fake_rule_judge.py")
        defer { server.stop() }
        let online = try ChatlabProcess.run([
            "rules", "check", rules, "--on", "\(fixtures)/sensei", "--csv", folder.path("on.csv"), "--llm-url",
            server.url("/v1").absoluteString,
        ])
        #expect(online.status == 0, "\(online.stdout)\(online.stderr)")
        let on = try String(contentsOfFile: folder.path("on.csv"), encoding: .utf8)
        #expect(on.contains("states_the_order_id,5,5,0,0,0.00%,0,0"))
        #expect(on.contains("friendly_customer,5,5,0,0,0.00%,0,0"))
        // The five conversations ask one tone question ("Thanks") and four order-id questions (two conversations end
        // with the same reply, order A2): five requests, the rest answered from the cache.
        let counted = try ChildProcess.run("/usr/bin/env", ["curl", "-s", "-X", "POST", "http://127.0.0.1:\(server.port)/count"])
        let count = try JSONSerialization.jsonObject(with: Data(counted.stdout.utf8)) as? [String: Any]
        #expect(count?["count"] as? Int == 5)
    }
}
