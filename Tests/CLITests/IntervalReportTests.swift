import Foundation
import TestSupport
import Testing

/// `run` prints, saves and draws the Wilson 95 % interval beside every pass rate, and marks small samples.
@Test func runShowsIntervalsAndMarksSmallSamples() throws {
    let folder = try TemporaryDirectory()
    let config = try ScriptedTesterConfig.write("intervals", rounds: 40, chatter2: "kind: echo", in: folder)
    let report = folder.path("r")
    let result = try ChatlabProcess.run(["run", config, "--report-dir", report, "--runs", "1"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.hasPrefix("code") && $0.contains("95% CI") && $0.contains("sample") })
    #expect(lines.contains("95% CI: Wilson score interval of the pass rate."))

    // summary.json: the interval and the small-sample flag of every total score, against the formula worked here.
    let data = try Data(contentsOf: URL(fileURLWithPath: "\(report)/summary.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let scores = try #require((json["total"] as? [String: Any])?["scores"] as? [[String: Any]])
    #expect(!scores.isEmpty)
    for score in scores {
        let passes = Double(try #require(score["passes"] as? Int))
        let total = Double(try #require(score["total"] as? Int))
        let code = score["code"] as? String ?? "?"
        #expect(score["smallSample"] as? Bool == (total > 0 && total < 30), "\(code)")
        #expect(score["rule"] is String, "\(code)")
        guard total > 0 else { continue }
        let interval = try #require(score["interval"] as? [String: Double], "\(code)")
        let z = 1.959963984540054, p = passes / total
        let centre = (p + z * z / (2 * total)) / (1 + z * z / total)
        let half = z / (1 + z * z / total) * (p * (1 - p) / total + z * z / (4 * total * total)).squareRoot()
        #expect(abs((interval["low"] ?? -1) - max(0, centre - half)) < 1e-9, "\(code)")
        #expect(abs((interval["high"] ?? -1) - min(1, centre + half)) < 1e-9, "\(code)")
        // The terminal row shows the same interval.
        let text = String(format: "%.1f–%.1f %%", max(0, centre - half) * 100, min(1, centre + half) * 100)
        #expect(lines.contains { $0.hasPrefix(code + " ") && $0.contains(text) }, "\(code) \(text)")
    }

    // The summary workbook's Overview: interval columns beside the rate; 40 verdicts are not a small sample.
    let overview = try #require(try XLSXDump.load("\(report)/summary.xlsx").sheet(named: "Overview"))
    let header = try #require(overview.row(labelled: "Code"))
    #expect(overview.value(row: header, col: 6) == .string("95 % CI low"))
    let stutter = try #require(scores.first { $0["code"] as? String == "ML-A6" })
    let row = try #require((header + 1...header + 10).first { overview.value(row: $0, col: 1) == .string("ML-A6") })
    let interval = try #require(stutter["interval"] as? [String: Double])
    #expect(abs((overview.value(row: row, col: 6)?.number ?? -1) - (interval["low"] ?? -2)) < 1e-12)
    #expect(overview.cell(row: row, col: 5)?.italic == false)
    #expect(overview.cell(row: row, col: 5)?.fill != "EDEDED")
}
