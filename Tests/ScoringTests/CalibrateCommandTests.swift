import Foundation
import Testing
import TestSupport

@Test func calibrateReachesTheTargetAccuracyOnTheLabeledSet() throws {
    let result = try ChatlabProcess.run(["calibrate", "testsets/calibration/answers.jsonl", "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let accuracy = try #require(object?["accuracy"] as? Double)
    #expect(accuracy >= 0.95)
    let kinds = try #require(object?["kinds"] as? [String: Any])
    #expect(Set(kinds.keys) == ["open", "closed"])
}

@Test func calibrateReportsABadLineWithFileAndLine() throws {
    let folder = try TemporaryDirectory()
    let path = folder.path("bad.jsonl")
    try #"{"kind": "maybe", "question": "Q?", "expected": true, "reply": "Yes", "label": "pass"}"#.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try ChatlabProcess.run(["calibrate", path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("\(path):1: \"kind\" must be"))
}

@Test func calibrateWritesAWorkbook() throws {
    let folder = try TemporaryDirectory()
    let path = folder.path("calibration.xlsx")
    let result = try ChatlabProcess.run(["calibrate", "testsets/calibration/answers.jsonl", "--workbook", path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Default judge accuracy"))
    #expect(FileManager.default.fileExists(atPath: path))
}

// Issue 13: `calibrate` skipped the semantic answer judge ("no text encoder available") although the model was
// installed; every judge that can run is calibrated.
@Test func calibrateRunsTheSemanticJudgeWithTheInstalledModel() throws {
    let result = try ChatlabProcess.run(["calibrate", "testsets/calibration/answers.jsonl", "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let judges = try #require(object["judges"] as? [[String: Any]])
    #expect(judges.compactMap { $0["name"] as? String }.contains("semantic-open"))
    #expect((object["skipped"] as? [String]) == [])
    let classes = try #require(object["classes"] as? [String: Any])
    #expect(classes.keys.contains("non-answer (no)"))
    let semantic = try #require(judges.first { $0["name"] as? String == "semantic-open" })
    let heldOut = try #require(semantic["heldOut"] as? [String: Any])
    #expect((heldOut["fittedOn"] as? String)?.contains("1st, 3rd") == true)
}

@Test func calibrateMeasuresTheConsistencyJudge() throws {
    let result = try ChatlabProcess.run(["calibrate", "testsets/calibration/consistency.jsonl"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("consistency (ML-I13) accuracy: 100.0%"), "\(result.stdout)")
    #expect(result.stdout.contains("per class:"))
}
