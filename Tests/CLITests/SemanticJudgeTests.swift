import Foundation
import TestSupport
import Testing

/// `scorers.answers.judge: semantic` plugs the native sentence encoder into the answer judge.
@Test func theSemanticAnswerJudgeIsChosenInTheConfig() throws {
    let folder = try TemporaryDirectory()
    func config(_ judge: String) -> String {
        """
        name: semantic
        rounds: 12
        chatters:
          chatter1: {kind: script, lines: [Hello!]}
          chatter2: {kind: reference}
        probes:
          testsets: \(ChatlabProcess.root)/testsets
          probabilities: {ML-I4: 0.5}
        scorers:
          answers: {judge: \(judge), similarity_threshold: 0.7}
        """
    }
    try config("semantic").write(toFile: folder.path("s.yaml"), atomically: true, encoding: .utf8)
    let run = try ChatlabProcess.run(["run", folder.path("s.yaml"), "--report-dir", folder.path("r"), "-q"])
    #expect(run.status == 0, "\(run.stderr)")
    let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path("r/summary.json"))))
        as! [String: Any]
    let scores = (summary["total"] as! [String: Any])["scores"] as! [[String: Any]]
    #expect((scores.first { $0["code"] as? String == "ML-I4" }?["total"] as? Int ?? 0) > 0)
    // The legend shows the similarity threshold in force.
    let legend = try #require(try XLSXDump.load(folder.path("r/summary.xlsx")).sheet(named: "Legend"))
    let row = try #require(legend.row(labelled: "ML-I4"))
    #expect(legend.value(row: row, col: 2)?.string?.hasSuffix(
        "Threshold: fails below 0.7 similarity to the expected answer, unless the reply gives it.") == true)

    try config("semantik").write(toFile: folder.path("t.yaml"), atomically: true, encoding: .utf8)
    let typo = try ChatlabProcess.run(["validate", folder.path("t.yaml")])
    #expect(typo.status == 2)
    #expect(typo.stderr.contains("t.yaml:10:20: error:"), "\(typo.stderr)")
    #expect(typo.stderr.contains("Did you mean 'semantic'?"))
}
