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
