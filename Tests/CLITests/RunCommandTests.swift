import Foundation
import TestSupport
import Testing

private func scratch() throws -> String {
    let path = NSTemporaryDirectory() + "chatlab-cli-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private func write(_ text: String, to folder: String, name: String = "exp.yaml") throws -> String {
    let path = "\(folder)/\(name)"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Test func theDemoRunsAndWritesEveryReport() throws {
    let out = try scratch()
    defer { try? FileManager.default.removeItem(atPath: out) }
    let result = try ChatlabProcess.run(["run", "config/demo.yaml", "--out", out, "--runs", "2", "--rounds", "30"])
    #expect(result.status == 0, "\(result.stderr)")
    let folder = "\(out)/demo-latest"
    for file in ["config.yaml", "experiment.json", "report.xlsx", "summary.xlsx", "summary.json",
                 "transcripts/run-1.jsonl", "transcripts/run-2.jsonl", "transcripts/run-1.conversation.json",
                 "transcripts/run-2.conversation.json", "runs/run-1.json", "runs/run-2.json"] {
        #expect(FileManager.default.fileExists(atPath: "\(folder)/\(file)"), "missing \(file)")
    }
    #expect(result.stdout.contains("ML-A6"))
    #expect(result.stdout.contains("report folder: \(out)/demo-"))
    let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/summary.json")))
        as! [String: Any]
    // summary.json holds the totals; each run's numbers are in runs/run-<k>.json, and every conversation ended
    // because its rounds were done.
    #expect(summary["runs"] == nil)
    #expect((summary["total"] as! [String: Any])["runs"] as? Int == 2)
    #expect((summary["total"] as! [String: Any])["ends"] as? [String: Int] == ["rounds_done": 2])
    let run2 = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/runs/run-2.json")))
        as! [String: Any]
    #expect(run2["run"] as? Int == 2 && run2["rounds"] as? Int == 30 && run2["turns"] as? Int == 60)
    #expect((run2["end"] as? [String: Any])?["reason"] as? String == "rounds_done")
    let record = try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/transcripts/run-1.conversation.json"))) as! [String: Any]
    // The conversation id holds this execution's id, recorded in experiment.json.
    let info = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/experiment.json")))
        as! [String: Any]
    let execution = try #require(info["execution"] as? String)
    #expect(execution.count == 8 && execution.allSatisfy(\.isHexDigit))
    #expect(record["conversation"] as? String == "demo-\(execution)-run-1")
    #expect((record["participants"] as? [[String: Any]])?.map { $0["name"] as? String } == ["tester", "robin"])
    // No temporary file is left in the folder (only the lock file, unlocked).
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
        .filter { $0.hasPrefix(".") && $0 != ".lock" }
    #expect(leftovers.isEmpty, "\(leftovers)")
    let turns = try TranscriptLines.objects("\(folder)/transcripts/run-1.jsonl")
    #expect(turns.count == 60)
    #expect(turns.map { $0["index"] as! Int } == Array(1...60))

    // Every probe code of the demo is planned and placed, and every question row is judged.
    let total = (summary["total"] as! [String: Any])
    let probes = total["probes"] as! [String: [String: Int]]
    #expect(probes.count == 10)
    #expect(probes.values.allSatisfy { $0["planned"] == $0["placed"] })
    let report = try XLSXDump.load("\(folder)/report.xlsx")
    var questions = 0
    for run in 1...2 {
        let sheet = try #require(report.sheet(named: "Run \(run)"))
        let role = try #require(sheet.column(named: "Role"))
        let code = try #require(sheet.column(named: "Probe"))
        for row in 2...sheet.max_row where sheet.value(row: row, col: role)?.string == "question" {
            let probe = try #require(sheet.value(row: row, col: code)?.string)
            let verdict = try #require(sheet.headers.firstIndex { $0.hasPrefix(probe + " ") }) + 1
            #expect(["pass", "fail", "skipped"].contains(sheet.value(row: row, col: verdict)?.string ?? ""), "row \(row)")
            if probe != "ML-I13" {
                #expect(sheet.cell(row: row, col: verdict + 1)?.data_type == "n", "score in row \(row)")
                #expect(sheet.value(row: row, col: verdict + 2)?.string?.hasPrefix("answer: ") == true)
            }
            questions += 1
        }
    }
    #expect(questions > 5)
}

@Test func theSameSeedGivesByteIdenticalTranscripts() throws {
    let out = try scratch()
    defer { try? FileManager.default.removeItem(atPath: out) }
    var folders: [String] = []
    for (index, seed) in ["9", "9", "10"].enumerated() {
        let folder = "\(out)/r\(index)"
        let result = try ChatlabProcess.run(["run", "config/demo.yaml", "--seed", seed, "--report-dir", folder, "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        folders.append(folder)
    }
    for run in 1...3 {
        let a = try TranscriptLines.withoutLatency("\(folders[0])/transcripts/run-\(run).jsonl")
        let b = try TranscriptLines.withoutLatency("\(folders[1])/transcripts/run-\(run).jsonl")
        #expect(!a.isEmpty)
        #expect(a == b)
    }
    let seeds = try [0, 2].map { index -> Any? in
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(folders[index])/experiment.json"))
        return (try JSONSerialization.jsonObject(with: data) as! [String: Any])["seed"]
    }
    #expect(seeds[0] as? Int == 9)
    #expect(seeds[1] as? Int == 10)
}

@Test func aBadConfigFailsWithFileLineAndKey() throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let typo = try write("rounds: 3\nchaters: {}\n", to: folder)
    let result = try ChatlabProcess.run(["run", typo])
    #expect(result.status == 2)
    #expect(result.stderr.contains("\(typo):2:1: error: unknown key 'chaters'"))
    #expect(result.stderr.contains("Did you mean 'chatters'?"))

    let wrongType = try write("rounds: lots\n", to: folder, name: "b.yaml")
    let second = try ChatlabProcess.run(["validate", wrongType])
    #expect(second.status == 2)
    #expect(second.stderr.contains("b.yaml:1:9: error: 'rounds' must be a whole number"))
}

@Test func validateDescribesAGoodConfig() throws {
    let result = try ChatlabProcess.run(["validate", "config/demo.yaml"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("config/demo.yaml: ok"))
    let list = try ChatlabProcess.run(["list"])
    #expect(list.stdout.contains("script") && list.stdout.contains("ML-A7"))
}

@Test func everyShippedConfigValidates() throws {
    let folder = ChatlabProcess.root + "/config"
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }
    #expect(!files.isEmpty)
    for file in files {
        // Batch matrices (config/batch-*.yaml) are not experiments: `chatlab batch --plan` checks them.
        let command = file.hasPrefix("batch-") ? ["batch", "config/\(file)", "--plan"] : ["validate", "config/\(file)"]
        let result = try ChatlabProcess.run(command)
        #expect(result.status == 0, "\(file): \(result.stderr)")
    }
}
