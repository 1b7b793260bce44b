import Foundation
import LabYAML
import LabCore
import Probes
import TestSupport
import Testing

private let testsets = ChatlabProcess.root + "/testsets"

private func problems(_ yaml: String) -> [ConfigError] {
    let folder = NSTemporaryDirectory() + "testsets-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try? yaml.write(toFile: "\(folder)/broken.yaml", atomically: true, encoding: .utf8)
    do {
        _ = try TestSetDatabase.load(folder: folder)
        return []
    } catch let error as TestSetError {
        return error.problems
    } catch {
        Issue.record("unexpected \(error)")
        return []
    }
}

private let good = """
    sets:
      - id: qa-x
        type: QA
        form: open
        expected: Mittens
        extraction: What is the cat's name?
        information: [My cat is called Mittens.]
        questions: [What is my cat called?]
    """

@Test func theShippedDatabaseIsValidAndLargeEnough() throws {
    let database = try TestSetDatabase.load(folder: testsets)
    #expect(database.sets(of: .qa).count >= 30)
    #expect(database.sets(of: .co).count >= 10)
    #expect(database.sets(of: .ia).count >= 20)
    #expect(database.sets(of: .iq).count >= 20)
    #expect(database.sets.count >= 80)
    let qa = database.sets(of: .qa)
    #expect(qa.allSatisfy { $0.information.count >= 3 && $0.questions.count >= 3 })
    #expect(qa.contains { $0.expected == .yes } && qa.contains { $0.expected == .no })
    #expect(qa.contains { !$0.isClosed })
    #expect(Set(database.sets.map(\.id)).count == database.sets.count)
}

@Test func aGoodSetLoads() {
    #expect(problems(good).isEmpty)
}

@Test func brokenSetsAreRejectedWithFileAndLine() {
    let missingQuestions = problems(good.replacingOccurrences(of: "\n    questions: [What is my cat called?]", with: ""))
    #expect(missingQuestions.count == 1)
    #expect(missingQuestions.first?.description.contains("broken.yaml:2:5") == true)
    #expect(missingQuestions.first?.description.contains("needs the key 'questions'") == true)

    let closedWithoutYesNo = problems(good.replacingOccurrences(of: "form: open", with: "form: closed"))
    #expect(closedWithoutYesNo.first?.description.contains("must be yes or no") == true)
    #expect(closedWithoutYesNo.first?.location?.line == 5)

    let answerMissing = problems(good.replacingOccurrences(of: "expected: Mittens", with: "expected: Whiskers"))
    #expect(answerMissing.first?.description.contains("does not contain the expected answer 'Whiskers'") == true)
    #expect(answerMissing.first?.location?.line == 7)

    let duplicate = problems(good + "\n" + good.replacingOccurrences(of: "sets:\n", with: ""))
    #expect(duplicate.count == 1)
    #expect(duplicate.first?.description.contains("'qa-x' is used twice (first at") == true)
    #expect(duplicate.first?.location?.line == 9)

    let badType = problems(good.replacingOccurrences(of: "type: QA", with: "type: QQ"))
    #expect(badType.first?.description.contains("broken.yaml:3:11") == true, "\(badType)")

    let typo = problems(good.replacingOccurrences(of: "extraction:", with: "extracton:"))
    #expect(typo.first?.description.contains("Did you mean 'extraction'?") == true)
}

@Test func everyProblemIsReportedNotJustTheFirst() {
    let two = good + "\n" + good.replacingOccurrences(of: "sets:\n", with: "").replacingOccurrences(of: "qa-x", with: "qa-y")
        .replacingOccurrences(of: "expected: Mittens", with: "expected: Tom")
    let broken = two.replacingOccurrences(of: "form: open\n    expected: Mittens", with: "form: shut\n    expected: Mittens")
    #expect(problems(broken).count == 2)
}
