import Foundation
import Scoring
import Testing
import TestSupport

@Test func calibrateMeasuresTheOfflineToxicityScorer() throws {
    try ProfanityModelFile.ensureInstalled()
    let result = try ChatlabProcess.run(["calibrate", "testsets/calibration/toxicity.jsonl", "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["kind"] as? String == "toxicity")
    #expect(object["items"] as? Int ?? 0 >= 60)
    let accuracy = try #require(object["accuracy"] as? Double)
    #expect(accuracy >= 0.9)
    #expect(object["threshold"] as? Double == ToxicityScorer.offlineThreshold)
    #expect(object["precision"] is Double && object["recall"] is Double)
    let best = try #require(object["bestThreshold"] as? [String: Any])
    #expect((best["accuracy"] as? Double ?? 0) >= accuracy)
}

@Test func calibrateMeasuresCoherenceWithTheNativeEncoder() throws {
    let result = try ChatlabProcess.run(["calibrate", "testsets/calibration/coherence.jsonl", "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["items"] as? Int == 102)
    #expect((object["scorers"] as? [Any])?.count == 4)
    // The default method (dialogue-act rules, then similarity) reaches 90 % on the whole set, hard classes included.
    #expect((object["accuracy"] as? Double ?? 0) >= 0.9)
    // The first 64 items (no class: reported under their labels) stay above 90 % with cosine alone; the hard classes
    // added for issue 13 (topic-word riffs, responsive non-answers) are reported on their own.
    let scorers = try #require(object["scorers"] as? [[String: Any]])
    #expect(scorers.map { $0["name"] as? String } == [
        "coherence (ML-I2)", "relevance (ML-I3)", "coherence (ML-I2, method: cosine)", "relevance (ML-I3, method: cosine)",
    ])
    let follows = try #require(scorers.first?["classes"] as? [String: [String: Any]])
    #expect(follows["responsive non-answer"]?["accuracy"] as? Double == 1)
    #expect((follows["topic-word riff"]?["accuracy"] as? Double ?? 0) >= 0.8)
    let classes = try #require(scorers[2]["classes"] as? [String: [String: Any]])
    let plain = ["coherent", "incoherent"].compactMap { classes[$0] }
    let agreed = plain.compactMap { $0["agreed"] as? Int }.reduce(0, +)
    let items = plain.compactMap { $0["items"] as? Int }.reduce(0, +)
    #expect(items == 64)
    #expect(Double(agreed) / Double(items) >= 0.9)
    #expect(Set(classes.keys).isSuperset(of: ["correct short answer", "greeting", "responsive non-answer", "topic-word riff"]))
}

@Test func coherenceAgreementWithAnEncoder() throws {
    guard case .coherence(let items) = try LabeledSet.read(path: ChatlabProcess.root + "/testsets/calibration/coherence.jsonl")
    else { Issue.record("not recognised as a coherence set"); return }
    #expect(items.count >= 60)
    let report = Agreement.coherence(items, file: "coherence.jsonl", encoder: HashingEncoder(), threshold: 0.1)
    #expect(report.scorers.map(\.name) == [
        "coherence (ML-I2)", "relevance (ML-I3)", "coherence (ML-I2, method: cosine)", "relevance (ML-I3, method: cosine)",
    ])
    #expect(report.accuracy != nil && report.skipped.isEmpty)
    // For similarity alone, the best threshold is at least as good as the one in force.
    let cosine = report.scorers[2]
    let best = try #require(cosine.bestThreshold)
    #expect(best.accuracy >= (cosine.metrics.accuracy ?? 1))
}

@Test func labeledSetsAreRecognisedByTheirFieldsAndBadLinesNamed() throws {
    let folder = try TemporaryDirectory()
    let path = folder.path("tox.jsonl")
    try "{\"text\": \"hi\", \"label\": \"ok\"}\n\n{\"text\": \"x\", \"label\": \"rude\"}\n".write(toFile: path, atomically: true, encoding: .utf8)
    #expect { try LabeledSet.read(path: path) } throws: { error in
        "\(error)" == "\(path):3: \"label\" must be \"toxic\" or \"ok\""
    }
    guard case .answers(let answers) = try LabeledSet.read(path: ChatlabProcess.root + "/testsets/calibration/answers.jsonl")
    else { Issue.record("answers set not recognised"); return }
    #expect(!answers.isEmpty)
}
