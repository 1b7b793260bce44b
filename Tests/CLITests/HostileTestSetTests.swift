import Foundation
import TestSupport
import Testing

// Issue #22, reproducer 10: blank questions and answers fail `testsets validate` with file:line and are never
// injected; a folder with no usable test set is an error, not probes silently turned off.

private let blankSet = """
    sets:
      - id: qa-blank
        type: QA
        form: open
        expected: Pepper
        extraction: What name does the reply give for the user's dog?
        information:
          - My dog is called Pepper.
        questions:
          - What is my dog called?
          - "   "

    """

/// A config of one short run whose probes draw from `testsets`, QA codes only unless `codes` says otherwise.
private func probeConfig(testsets: String, codes: [String] = ["ML-I1"]) -> String {
    """
    name: blank-probe
    rounds: 12
    chatters:
      chatter1: {kind: script, lines: [hello]}
      chatter2: {kind: echo}
    probes:
      testsets: \(testsets)
      probabilities: {\(codes.map { "\($0): 0.2" }.joined(separator: ", "))}
    report: {out: \(testsets)/../reports}

    """
}

@Test func blankQuestionsAndAnswersFailWithFileAndLine() throws {
    let folder = try TemporaryDirectory()
    try blankSet.write(toFile: folder.path("qa-blank.yaml"), atomically: true, encoding: .utf8)
    let result = try ChatlabProcess.run(["testsets", "validate", "--dir", folder.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("qa-blank.yaml:11:9: error: 'sets.0.questions.1' is empty or only spaces"), "\(result.stderr)")
    for (field, blank) in [("expected: Pepper", "expected: \"\\n\""), ("- My dog is called Pepper.", "- \"\\t\"")] {
        let text = blankSet.replacingOccurrences(of: "      - \"   \"\n", with: "").replacingOccurrences(of: field, with: blank)
        try text.write(toFile: folder.path("qa-blank.yaml"), atomically: true, encoding: .utf8)
        let other = try ChatlabProcess.run(["testsets", "validate", "--dir", folder.path])
        #expect(other.status == 2, "\(blank) passed")
        #expect(other.stderr.contains("is empty or only spaces"), "\(other.stderr)")
    }
}

@Test func aBlankQuestionIsNeverInjected() throws {
    let root = try TemporaryDirectory()
    try FileManager.default.createDirectory(atPath: root.path("sets"), withIntermediateDirectories: true)
    try blankSet.write(toFile: root.path("sets/qa-blank.yaml"), atomically: true, encoding: .utf8)
    try probeConfig(testsets: root.path("sets")).write(toFile: root.path("exp.yaml"), atomically: true, encoding: .utf8)
    let result = try ChatlabProcess.run(["run", root.path("exp.yaml")])
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains("qa-blank.yaml:11:9:"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: root.path("reports")), "a report was started")
}

@Test func anEmptyTestSetFolderIsAnError() throws {
    let root = try TemporaryDirectory()
    try FileManager.default.createDirectory(atPath: root.path("sets"), withIntermediateDirectories: true)
    let listed = try ChatlabProcess.run(["testsets", "validate", "--dir", root.path("sets")])
    #expect(listed.status == 2)
    #expect(listed.stderr.contains("this folder has no test-set files"), "\(listed.stderr)")

    try probeConfig(testsets: root.path("sets")).write(toFile: root.path("exp.yaml"), atomically: true, encoding: .utf8)
    for command in ["validate", "run"] {
        let result = try ChatlabProcess.run([command, root.path("exp.yaml")])
        #expect(result.status == 2, "\(command): \(result.stderr)")
        #expect(result.stderr.contains("this folder has no test-set files"), "\(command): \(result.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: root.path("reports")))

    try "sets: []\n".write(toFile: root.path("sets/none.yaml"), atomically: true, encoding: .utf8)
    let none = try ChatlabProcess.run(["testsets", "validate", "--dir", root.path("sets")])
    #expect(none.status == 2)
    #expect(none.stderr.contains("hold no test set"), "\(none.stderr)")
}

@Test func aCodeWithNoSetOfItsKindIsNamed() throws {
    let root = try TemporaryDirectory()
    try FileManager.default.createDirectory(atPath: root.path("sets"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
        atPath: ChatlabProcess.root + "/testsets/qa-pets.yaml", toPath: root.path("sets/qa-pets.yaml"))
    try probeConfig(testsets: root.path("sets"), codes: ["ML-I1", "ML-I6", "ML-I13"])
        .write(toFile: root.path("exp.yaml"), atomically: true, encoding: .utf8)
    for command in ["validate", "run"] {
        let result = try ChatlabProcess.run([command, root.path("exp.yaml")])
        #expect(result.status == 2, "\(command): \(result.stderr)")
        #expect(result.stderr.contains("exp.yaml:7:13: error: 'probes.testsets'"), "\(result.stderr)")
        #expect(result.stderr.contains("has no CO, IA test set, so the enabled codes ML-I6, ML-I13"), "\(result.stderr)")
    }
}
