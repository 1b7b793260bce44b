import Foundation
import TestSupport
import Testing

/// `validate` and `check` catch a missing test-set folder and probe codes left without sets (naming the config's
/// line), and print the sets found per kind.
@Suite(.serialized) struct ValidationGapTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory(prefix: "chatlab-validation")
    }

    /// The demo with its `probes.testsets` line set to `testsets` and only `probabilities` enabled.
    private func config(_ name: String, testsets: String, probabilities: String) throws -> (path: String, line: Int) {
        let text = """
            name: \(name)
            rounds: 4
            chatters:
              chatter1: {kind: script, lines: [Hello there]}
              chatter2: {kind: reference}
            probes:
              testsets: \(testsets)
              probabilities: {\(probabilities)}
            """
        let path = folder.path("\(name).yaml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, 7)
    }

    @Test func aMissingTestSetFolderIsCaughtByValidateAndCheck() throws {
        let (path, line) = try config("missing", testsets: "no-such-folder", probabilities: "ML-I1: 0.1")
        for command in ["validate", "check"] {
            let result = try ChatlabProcess.run([command, path])
            #expect(result.status == 2, "\(command): \(result.stdout)")
            #expect(result.stderr.contains("\(path):\(line):"), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("which is no folder"), "\(command): \(result.stderr)")
        }
    }

    @Test func aCodeWithNoEligibleSetIsCaughtByValidateAndCheck() throws {
        let sets = folder.path("qa-only")
        try FileManager.default.createDirectory(atPath: sets, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: ChatlabProcess.root + "/testsets/qa-pets.yaml", toPath: "\(sets)/qa-pets.yaml")
        let (path, line) = try config("orphan", testsets: sets, probabilities: "ML-I1: 0.1, ML-I13: 0.1")
        for command in ["validate", "check"] {
            let result = try ChatlabProcess.run([command, path])
            #expect(result.status == 2, "\(command): \(result.stdout)")
            #expect(result.stderr.contains("\(path):\(line):"), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("no CO test set") && result.stderr.contains("ML-I13"), "\(command): \(result.stderr)")
        }
    }

    @Test func validateAndCheckPrintTheSetsPerKind() throws {
        let (path, _) = try config("good", testsets: ChatlabProcess.root + "/testsets", probabilities: "ML-I1: 0.1")
        let validated = try ChatlabProcess.run(["validate", path])
        #expect(validated.status == 0, "\(validated.stderr)")
        #expect(validated.stdout.contains("test sets per kind: CO 16, IA 29, IQ 29, QA 62"), "\(validated.stdout)")
        let checked = try ChatlabProcess.run(["check", path])
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.contains("CO 16, IA 29, IQ 29, QA 62"), "\(checked.stdout)")
    }
}
