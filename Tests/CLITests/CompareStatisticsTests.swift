import Foundation
import LabCore
import TestSupport
import Testing

/// `chatlab compare`'s statistics: Holm's correction across checks, percentage points, Wilson intervals, warnings
/// when the experiments differ in more than the bot, seed-paired runs, and the dead-bot rule.
@Suite struct CompareStatisticsTests {
    /// A report folder with only what compare reads.
    private func handMade(
        _ folder: TemporaryDirectory, name: String, seed: Int = 7, extra: String = "",
        scores: [(code: String, title: String, passes: Int, total: Int, rule: String?)]
    ) throws -> String {
        let path = folder.path(name)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let experiment = #"{"name": "\#(name)", "seed": \#(seed), "runs": 5, "rounds": 10\#(extra)}"#
        try experiment.write(toFile: "\(path)/experiment.json", atomically: true, encoding: .utf8)
        let entries = scores.map { score in
            let rule = score.rule.map { #", "rule": "\#($0)""# } ?? ""
            return #"{"code": "\#(score.code)", "title": "\#(score.title)", "seat": "chatter2", "passes": \#(score.passes), "total": \#(score.total), "asked": 50, "failed": \#(score.passes == 0 ? 50 : 0)\#(rule)}"#
        }
        let summary = #"{"total": {"ends": {"error_limit": 5}, "scores": [\#(entries.joined(separator: ", "))]}}"#
        try summary.write(toFile: "\(path)/summary.json", atomically: true, encoding: .utf8)
        return path
    }

    @Test func holmDecidesAndDifferencesAreInPercentagePoints() throws {
        let folder = try TemporaryDirectory()
        // Fisher p (SciPy): 45/50 vs 30/50 0.0009668432030628979; 3/10 vs 9/10 0.019766611097880443; equal rates 1.
        // Holm over four checks: 4 × 0.000966843 = 0.003867373, 3 × 0.019766611 = 0.059299833, then 1 and 1.
        let a = try handMade(folder, name: "base", scores: [
            ("ML-I1", "memory", 45, 50, nil), ("ML-A6", "stutter", 3, 10, nil), ("ML-A7", "repeats", 5, 10, nil),
            ("RT", "response time", 10, 10, nil),
        ])
        let b = try handMade(folder, name: "cand", scores: [
            ("ML-I1", "memory", 30, 50, nil), ("ML-A6", "stutter", 9, 10, nil), ("ML-A7", "repeats", 5, 10, nil),
            ("RT", "response time", 10, 10, nil),
        ])
        let out = folder.path("c.xlsx")
        let result = try ChatlabProcess.run(["compare", a, b, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("code") })
        for part in ["95% CI", "Δ pp", "Fisher p", "Holm p"] { #expect(header.contains(part), "\(header)") }
        let memory = try #require(lines.first { $0.hasPrefix("ML-I1") })
        for part in ["-30.0 pp", "0.0010", "0.0039", "*", "78.6–95.7 %"] { #expect(memory.contains(part), "\(memory)") }
        // Fisher's p is below 0.05, Holm's is not: not marked.
        let stutter = try #require(lines.first { $0.hasPrefix("ML-A6") })
        #expect(stutter.contains("+60.0 pp") && stutter.contains("0.0198") && stutter.contains("0.0593"), "\(stutter)")
        #expect(!stutter.hasSuffix("*"), "\(stutter)")
        #expect(stutter.contains("small"), "\(stutter)")  // 10 verdicts
        #expect(!result.stdout.contains("%+"))
        #expect(result.stderr.isEmpty, "\(result.stderr)")  // same seed, no probes, no rules: nothing to warn about

        let sheet = try #require(try XLSXDump.load(out).sheet(named: "Comparison"))
        let headers = (1...17).map { sheet.value(row: 5, col: $0)?.string ?? "" }
        #expect(headers == [
            "Code", "Check", "passes", "total", "rate", "95 % CI", "passes", "total", "rate", "95 % CI", "Δ (pp)",
            "z test p", "Fisher p", "Holm p", "Holm p < 0.05", "", "",
        ])
        let expected: [(Double, Double, String?)] = [
            (-30, 0.0038673728122515915, "*"), (60, 0.05929983329364133, nil), (0, 1, nil), (0, 1, nil),
        ]
        for (offset, (delta, holm, mark)) in expected.enumerated() {
            let row = 6 + offset
            #expect(abs((sheet.value(row: row, col: 11)?.number ?? .nan) - delta) < 1e-9, "row \(row)")
            #expect(sheet.cell(row: row, col: 11)?.number_format.contains("pp") == true)
            #expect(abs((sheet.value(row: row, col: 14)?.number ?? .nan) - holm) < 1e-12, "row \(row)")
            #expect(sheet.value(row: row, col: 15)?.string == mark, "row \(row)")
        }
        #expect(sheet.value(row: 6, col: 6) == .string("78.6–95.7 %"))
        // Small samples are in grey italics, not coloured by level.
        #expect(sheet.cell(row: 7, col: 5)?.italic == true)
        #expect(sheet.cell(row: 7, col: 5)?.fill == "EDEDED")
        #expect(sheet.cell(row: 6, col: 5)?.italic == false)
    }

    @Test func warnsWhenSeedsOrScorerSettingsDiffer() throws {
        let folder = try TemporaryDirectory()
        let a = try handMade(folder, name: "a", seed: 11, scores: [("ML-A6", "stutter", 8, 10, "fails above 0.33")])
        let b = try handMade(folder, name: "b", seed: 5, scores: [("ML-A6", "stutter", 9, 10, "fails above 0.5")])
        let out = folder.path("w.xlsx")
        let result = try ChatlabProcess.run(["compare", a, b, "--out", out, "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: the seeds differ (a 11, b 5)"), "\(result.stderr)")
        #expect(result.stderr.contains(
            "warning: the scorer settings differ for ML-A6: a 'fails above 0.33', b 'fails above 0.5'"), "\(result.stderr)")
        let sheet = try #require(try XLSXDump.load(out).sheet(named: "Comparison"))
        let texts = sheet.cells.compactMap { $0.value.string }
        #expect(texts.contains { $0.hasPrefix("Warning: the seeds differ") })
        #expect(texts.contains { $0.hasPrefix("Warning: the scorer settings differ for ML-A6") })
    }

    @Test func anExperimentWhoseBotAnsweredNothingFailsTheGate() throws {
        let folder = try TemporaryDirectory()
        let fine = try handMade(folder, name: "fine", extra: #", "underTest": [2]"#, scores: [("RT", "response time", 50, 50, nil)])
        let dead = try handMade(folder, name: "dead", extra: #", "underTest": [2]"#, scores: [("RT", "response time", 0, 0, nil)])
        let result = try ChatlabProcess.run(["compare", fine, dead, "--out", folder.path("d.xlsx"), "-q"])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("chatter2 (under test) answers at least one turn"), "\(result.stderr)")
        #expect(result.stderr.contains("answered 0 of 50 turns; ended: error_limit (5 conversations)"), "\(result.stderr)")
        #expect(result.stderr.contains("gate failed: 1 of 2 limits missed"), "\(result.stderr)")
        // Only the folders it names are read: nothing is written into them.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dead).sorted() == ["experiment.json", "summary.json"])
    }

    @Test func helpSaysWhatItWritesAndHowItTests() throws {
        let help = try ChatlabProcess.run(["compare", "--help"])
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("(it writes nothing into them)"), "\(text)")
        #expect(text.contains("Holm-adjusted p-value across the checks"))
        #expect(text.contains("--paired pairs the runs that share a seed"))
        #expect(!text.contains("report folder and errors"))
    }

    // MARK: - Real runs

    private static let config = """
        name: NAME
        runs: 6
        rounds: 12
        chatters:
          chatter1: {kind: script, lines: [Hello there., How are you?, "What is your name?", Tell me more.]}
          chatter2: CHATTER2
        probes:
          testsets: \(ChatlabProcess.root)/testsets
          probabilities: {ML-U3: 0.3, ML-I4: 0.3}
        """

    private func run(_ name: String, chatter2: String, seed: Int, in folder: TemporaryDirectory) throws -> String {
        let path = folder.path("\(name).yaml")
        try Self.config.replacingOccurrences(of: "NAME", with: name).replacingOccurrences(of: "CHATTER2", with: chatter2)
            .write(toFile: path, atomically: true, encoding: .utf8)
        let report = folder.path(name)
        let result = try ChatlabProcess.run(["run", path, "--report-dir", report, "--seed", "\(seed)", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        return report
    }

    /// Per-run pass rates of one code, by run seed, from `runs/run-<k>.json`.
    private func runRates(_ folder: String, code: String) throws -> [String: Double] {
        var rates: [String: Double] = [:]
        for run in 1...6 {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/runs/run-\(run).json"))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let scores = try #require(json["scores"] as? [[String: Any]])
            guard let score = scores.first(where: { $0["code"] as? String == code }),
                let passes = score["passes"] as? Int, let total = score["total"] as? Int, total > 0
            else { continue }
            rates[try #require(json["seed"] as? String)] = Double(passes) / Double(total)
        }
        return rates
    }

    /// 2 · Σ_{k ≤ min} C(n, k) / 2ⁿ with integers, independent of the library's log-gamma version.
    private func signTest(_ plus: Int, _ minus: Int) -> Double {
        let n = plus + minus
        var choose = 1
        var sum = 0
        for k in 0...min(plus, minus) {
            if k > 0 { choose = choose * (n - k + 1) / k }
            sum += choose
        }
        return min(1, 2 * Double(sum) / Double(1 << n))
    }

    @Test func pairedComparesRunsWithTheSameSeedAndWarnsAboutOtherDraws() throws {
        let folder = try TemporaryDirectory()
        let echo = try run("echo", chatter2: "{kind: echo}", seed: 5, in: folder)
        let script = try run(
            "script", chatter2: "{kind: script, lines: [I am fine., My name is Bo., Yes., \"Hello hello hello hello.\"]}",
            seed: 5, in: folder)
        let out = folder.path("p.xlsx")
        let result = try ChatlabProcess.run(["compare", echo, script, "--paired", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        // Same seed, same config but the bot: the same probes were drawn, so no warning.
        #expect(!result.stderr.contains("warning"), "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first { $0.hasPrefix("code") }?.contains("sign test p") == true)
        for code in ["ML-A6", "ML-U3"] {
            let a = try runRates(echo, code: code)
            let b = try runRates(script, code: code)
            var plus = 0, minus = 0, ties = 0
            for (seed, rate) in b { if let base = a[seed] { if rate > base { plus += 1 } else if rate < base { minus += 1 } else { ties += 1 } } }
            let line = try #require(lines.first { $0.hasPrefix(code + " ") })
            #expect(line.contains("\(plus)+ \(minus)− \(ties)="), "\(line)")
            if plus + minus > 0 {
                #expect(line.contains(String(format: "%.4f", signTest(plus, minus))), "\(line) \(plus) \(minus)")
            }
        }
        let sheet = try #require(try XLSXDump.load(out).sheet(named: "Comparison"))
        #expect(sheet.value(row: 5, col: 14) == .string("paired runs"))
        #expect(sheet.value(row: 5, col: 15) == .string("sign test p"))
        #expect(sheet.value(row: 5, col: 16) == .string("Holm p"))

        // Another seed: nothing to pair, and the draws differ.
        let other = try run("other", chatter2: "{kind: echo}", seed: 6, in: folder)
        let unpaired = try ChatlabProcess.run(["compare", echo, other, "--paired", "--out", folder.path("x.xlsx")])
        #expect(unpaired.status != 0)
        #expect(unpaired.stderr.contains("no run shares a seed"), "\(unpaired.stderr)")
        let plain = try ChatlabProcess.run(["compare", echo, other, "--out", folder.path("y.xlsx"), "-q"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stderr.contains("warning: the seeds differ (echo 5, other 6)"), "\(plain.stderr)")
        #expect(plain.stderr.contains("warning: the test sets differ: other drew other probes than echo"), "\(plain.stderr)")
    }
}
