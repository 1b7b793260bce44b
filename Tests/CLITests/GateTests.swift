import Foundation
import TestSupport
import Testing

/// CI gates end to end: `thresholds:` and `--fail-on` make `run`, `analyze` and `compare` exit with status 1 and a
/// table naming the missed limits; `--junit` writes JUnit XML; a bot under test that answers nothing fails the run.
@Suite(.serialized) struct GateTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory(prefix: "chatlab-gates")
    }

    /// The demo, shortened to one run of 20 rounds, its `thresholds:` block replaced by `thresholds`.
    private func demo(_ name: String, thresholds: String) throws -> String {
        var text = try String(contentsOfFile: ChatlabProcess.root + "/config/demo.yaml", encoding: .utf8)
            .replacingOccurrences(of: "../testsets", with: ChatlabProcess.root + "/testsets")
            .replacingOccurrences(of: "runs: 5", with: "runs: 1")
            .replacingOccurrences(of: "rounds: 40", with: "rounds: 20")
        let start = try #require(text.range(of: "thresholds:"))
        let end = try #require(text.range(of: "report:"))
        text.replaceSubrange(start.lowerBound..<end.lowerBound, with: "thresholds:\n" + thresholds + "\n")
        let path = folder.path("\(name).yaml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The JUnit file as `junit_check.py` reads it (which fails on a missing required element or attribute).
    private func junit(_ path: String) throws -> [String: Any] {
        let data = try Python.run(script: "Tests/Fixtures/junit_check.py", arguments: [path])
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    private func suites(_ report: [String: Any]) -> [[String: Any]] { report["suites"] as? [[String: Any]] ?? [] }

    private func cases(_ suite: [String: Any]) -> [[String: Any]] { suite["cases"] as? [[String: Any]] ?? [] }

    @Test func theDemoMissingAThresholdExitsOneAndPassesWhenRelaxed() throws {
        let strict = try demo("strict", thresholds: "  ML-I2: {min_pass_rate: 0.99}\n  ML-A6: {min_pass_rate: 0.5}")
        let missed = try ChatlabProcess.run(["run", strict, "--report-dir", folder.path("strict"), "--junit", folder.path("strict.xml")])
        #expect(missed.status == 1, "\(missed.stderr)")
        #expect(missed.stderr.contains("gate failed: 1 of 3 limits missed"), "\(missed.stderr)")
        let line = try #require(missed.stderr.split(separator: "\n").first { $0.contains("ML-I2") })
        #expect(line.contains("pass rate >= 0.99") && line.contains("MISSED"), "\(line)")
        #expect(FileManager.default.fileExists(atPath: folder.path("strict/summary.xlsx")))

        let report = try junit(folder.path("strict.xml"))
        #expect(report["failures"] as? Int == 1)
        let suite = try #require(suites(report).first)
        #expect(suite["name"] as? String == "demo")
        let coherence = try #require(cases(suite).first { ($0["name"] as? String)?.hasPrefix("ML-I2 ") == true })
        #expect((coherence["failure"] as? String)?.contains("pass rate >= 0.99 missed") == true, "\(coherence)")
        #expect(coherence["classname"] as? String == "chatlab.demo")
        let stutter = try #require(cases(suite).first { ($0["name"] as? String)?.hasPrefix("ML-A6 ") == true })
        #expect(stutter["failure"] is NSNull)
        #expect(cases(suite).contains { $0["name"] as? String == "bot under test answered" && $0["failure"] is NSNull })

        let relaxed = try demo("relaxed", thresholds: "  ML-I2: {min_pass_rate: 0.01}\n  RT: {max_error_rate: 0, max_p95: 60}")
        let passed = try ChatlabProcess.run(["run", relaxed, "--report-dir", folder.path("relaxed")])
        #expect(passed.status == 0, "\(passed.stderr)")
        #expect(passed.stdout.contains("gate: all 4 limits met"), "\(passed.stdout)")
    }

    @Test func theShippedDemoGateIsMet() throws {
        let result = try ChatlabProcess.run(["run", "config/demo.yaml", "--runs", "1", "--rounds", "20",
            "--report-dir", folder.path("shipped")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("limits met"), "\(result.stdout)")
    }

    @Test func failOnOverridesTheConfigAndJUnitPerRunAddsASuitePerRun() throws {
        let path = try demo("perrun", thresholds: "  ML-A6: {min_pass_rate: 0.5}")
        let out = folder.path("perrun.xml")
        let result = try ChatlabProcess.run([
            "run", path, "--runs", "2", "--rounds", "10", "--report-dir", folder.path("perrun"),
            "--fail-on", "ML-A6:min_pass_rate=1",
            "--fail-on", "RT:max_p95=0.0001", "--junit", out, "--junit-per-run", "-q",
        ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("p95 <= 0.0001 s"), "\(result.stderr)")
        let names = suites(try junit(out)).compactMap { $0["name"] as? String }
        #expect(names == ["demo", "demo run 1", "demo run 2"], "\(names)")
        for suite in suites(try junit(out)) {
            let rt = try #require(cases(suite).first { ($0["name"] as? String)?.hasPrefix("RT ") == true })
            #expect((rt["failure"] as? String)?.contains("p95 <= 0.0001 s missed") == true, "\(rt)")
        }

        // analyze judges the saved config and --fail-on again, without running anything.
        let strict = try ChatlabProcess.run(["analyze", folder.path("perrun"), "--fail-on", "RT:max_p95=0.0001", "-q"])
        #expect(strict.status == 1, "\(strict.stderr)")
        let loose = try ChatlabProcess.run(["analyze", folder.path("perrun"), "-q"])
        #expect(loose.status == 0, "\(loose.stderr)")
    }

    @Test func compareHoldsFailOnAgainstEveryExperiment() throws {
        let path = try demo("cmp", thresholds: "  ML-A6: {min_pass_rate: 0.5}")
        for name in ["c1", "c2"] {
            #expect(try ChatlabProcess.run(["run", path, "--rounds", "10", "--report-dir", folder.path(name), "-q"]).status == 0)
        }
        let out = folder.path("cmp.xml")
        let missed = try ChatlabProcess.run([
            "compare", folder.path("c1"), folder.path("c2"), "--out", folder.path("cmp.xlsx"),
            "--fail-on", "ML-I2:min_pass_rate=0.99", "--junit", out,
        ])
        #expect(missed.status == 1, "\(missed.stderr)")
        let report = try junit(out)
        #expect(suites(report).count == 2)
        #expect(report["failures"] as? Int == 2)
        let met = try ChatlabProcess.run([
            "compare", folder.path("c1"), folder.path("c2"), "--out", folder.path("cmp.xlsx"),
            "--fail-on", "ML-A6:min_pass_rate=0.5",
        ])
        #expect(met.status == 0, "\(met.stderr)")
        let unknown = try ChatlabProcess.run([
            "compare", folder.path("c1"), folder.path("c2"), "--out", folder.path("cmp.xlsx"), "--fail-on", "XX:min_pass_rate=0.5",
        ])
        #expect(unknown.status == 2, "\(unknown.stderr)")
    }

    @Test func aDeadEndpointFailsTheRunWithTheBreakersReasonWithoutThresholds() throws {
        let path = try ScriptedTesterConfig.write(
            "deadbot", rounds: 8, chatter2: "kind: http\nurl: http://127.0.0.1:9/chat\nretries: 0", in: folder)
        let result = try ChatlabProcess.run([
            "run", path, "--report-dir", folder.path("deadbot"), "--junit", folder.path("dead.xml"),
        ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("chatter2 (under test) answers at least one turn"), "\(result.stderr)")
        #expect(result.stderr.contains("answered 0 of 5 turns"), "\(result.stderr)")
        #expect(result.stderr.contains("error_limit: by chatter2: 5 failed turns in a row"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path("deadbot/summary.json")))
        let suite = try #require(suites(try junit(folder.path("dead.xml"))).first)
        let answered = try #require(cases(suite).first { $0["name"] as? String == "bot under test answered" })
        #expect((answered["failure"] as? String)?.contains("answered 0 of 5 turns") == true, "\(answered)")
    }

    @Test func badThresholdsAreConfigErrorsWithFileLineAndFix() throws {
        let cases: [(String, String)] = [
            ("  ML-A66: {min_pass_rate: 0.9}", "unknown key 'ML-A66' in thresholds (the checks this experiment scores). Did you mean 'ML-A6'?"),
            ("  ML-A6: {min_pass_rate: 1.5}", "'thresholds.ML-A6.min_pass_rate' is 1.5, which is not a rate. Write a share from 0 to 1"),
            ("  ML-A6: {max_error_rate: -0.1}", "'thresholds.ML-A6.max_error_rate' is -0.1, which is not a rate"),
            ("  ML-A6: {max_p95: 2}", "unknown key 'max_p95' in the threshold of ML-A6"),
            ("  RT: {max_p95: -2}", "'thresholds.RT.max_p95' is -2.0, which is outside [0.0, 86400.0]"),
            ("  RT: {}", "'thresholds.RT' sets no limit. Give at least one of min_pass_rate, max_error_rate, max_p50"),
            ("  ML-A6: {min_pass_rate: \"0.9\"}", "'thresholds.ML-A6.min_pass_rate' must be a number"),
        ]
        for (index, (block, message)) in cases.enumerated() {
            let path = try demo("bad\(index)", thresholds: block)
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            let line = try #require(lines.firstIndex { $0.hasPrefix("thresholds:") }) + 2
            let result = try ChatlabProcess.run(["validate", path])
            #expect(result.status == 2, "\(block): \(result.stdout)")
            #expect(result.stderr.contains("\(path):\(line):"), "\(block): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(block): \(result.stderr)")
        }
        let good = try demo("good", thresholds: "  ML-A6: {min_pass_rate: 0.9}")
        for argument in ["ML-A6", "ML-A6:min_pass_rate", "ML-A6:min_pass_rate=2", "ZZ:min_pass_rate=0.5"] {
            let result = try ChatlabProcess.run(["run", good, "--report-dir", folder.path("never"), "--fail-on", argument])
            #expect(result.status == 2, "\(argument): \(result.stderr)")
            #expect(result.stderr.contains("--fail-on '\(argument)'"), "\(argument): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.path("never")), "\(argument) ran")
        }
    }
}
