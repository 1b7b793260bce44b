import Batch
import Foundation
import LabYAML
import Testing
import TestSupport

/// Matrix files: the shipped seed plan, and bad input with file:line and the fix.
@Suite struct MatrixLoaderTests {
    static let seedPlan = "\(ChatlabProcess.root)/config/batch/retail-finance.yaml"

    @Test func theSeedPlanHas20QuestionsFourModelsAnd112Slots() throws {
        let matrix = try MatrixLoader.load(path: Self.seedPlan)
        #expect(matrix.questions.count == 20)
        #expect(matrix.questions.filter { $0.industry == "retail" }.count == 10)
        #expect(matrix.questions.filter { $0.industry == "finance" }.count == 10)
        #expect(matrix.providers.flatMap(\.models).count == 4)
        #expect(matrix.answersPerBatch == 40)
        let schedule = try #require(matrix.schedule)
        #expect(schedule.count == 112)
        #expect(abs(schedule.every - 12 * 3600 / 14) < 1e-9)
        #expect(matrix.providers.first?.baseURL == "https://api.openai.com/v1")
        #expect(matrix.providers.first?.keyVariable == "OPENAI_API_KEY")
        let lines = MatrixPlanText.lines(matrix)
        #expect(lines.filter { $0.hasPrefix("  slot ") }.count == 112)
        #expect(lines.last == "in all: 112 slots × 40 answers = 4,480 answers")
    }

    @Test func questionsPerBatchMovesOnAWindowSoTwoSlotsCoverEveryQuestion() throws {
        let matrix = try MatrixLoader.load(path: Self.seedPlan)
        let slot0 = Set(BatchPlan(matrix, slot: 0).items.map(\.question.id))
        let slot1 = Set(BatchPlan(matrix, slot: 1).items.map(\.question.id))
        #expect(slot0.count == 10 && slot1.count == 10)
        #expect(slot0.isDisjoint(with: slot1) && slot0.union(slot1).count == 20)
        #expect(Set(BatchPlan(matrix, slot: 2).items.map(\.question.id)) == slot0)
        #expect(BatchPlan(matrix, slot: 1).items.count == 40)
    }

    @Test func theSameSeedGivesTheSameOrderAndAnotherSeedAnother() throws {
        var matrix = try MatrixLoader.load(path: Self.seedPlan)
        let first = BatchPlan(matrix).items.map(\.key)
        #expect(BatchPlan(matrix).items.map(\.key) == first)
        #expect(Set(first).count == 40)
        matrix.seed += 1
        #expect(BatchPlan(matrix).items.map(\.key) != first)
    }

    func problem(_ yaml: String, files: [String: String] = [:]) throws -> String {
        let folder = try TemporaryDirectory()
        for (name, text) in files { try text.write(toFile: folder.path(name), atomically: true, encoding: .utf8) }
        let path = folder.path("matrix.yaml")
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try MatrixLoader.load(path: path)
            return "(loaded)"
        } catch let error as ConfigError {
            return error.description.replacingOccurrences(of: folder.path + "/", with: "")
        }
    }

    static let questions = """
        questions:
          - industry: retail
            questions:
              - {id: q1, question: What is a SKU?}
        """

    @Test func aMisspelledKeyNamesItsLineAndTheNearestKey() throws {
        let message = try problem("name: m\nprovders: []\n" + Self.questions)
        #expect(message.hasPrefix("matrix.yaml:2:1: error: unknown key 'provders'"), "\(message)")
        #expect(message.contains("Did you mean 'providers'?"))
    }

    @Test func anUnknownPresetListsTheKnownOnes() throws {
        let message = try problem("name: m\nproviders:\n  - preset: opnai\n    models: [a]\n" + Self.questions)
        #expect(message.hasPrefix("matrix.yaml:3:13: error:"), "\(message)")
        #expect(message.contains("Did you mean 'openai'?") && message.contains("groq"))
    }

    @Test func aRepeatedQuestionIdIsRefused() throws {
        let yaml = """
            name: m
            providers: [{name: p, base_url: "http://127.0.0.1:1/v1", models: [a]}]
            questions:
              - industry: retail
                questions:
                  - {id: q1, question: One?}
                  - {id: q1, question: Two?}
            """
        let message = try problem(yaml)
        #expect(message.contains("repeats the question id 'q1'"), "\(message)")
    }

    @Test func aBrokenJSONLLineIsNamedByItsNumber() throws {
        let yaml = """
            name: m
            providers: [{name: p, base_url: "http://127.0.0.1:1/v1", models: [a]}]
            questions: [{file: set.jsonl, industry: finance}]
            """
        let lines = #"{"id": "a", "question": "One?"}"# + "\n\n" + #"{"id": "b", "questoin": "Two?"}"# + "\n"
        let message = try problem(yaml, files: ["set.jsonl": lines])
        #expect(message.hasPrefix("set.jsonl:3:"), "\(message)")
        #expect(message.contains("Did you mean 'question'?"))
    }

    @Test func aJSONLSetLoadsWithItsFieldsAndTheSetsIndustry() throws {
        let folder = try TemporaryDirectory()
        let lines = #"{"id": "a", "question": "One?", "keywords": ["x", "y"], "expected": "yes"}"# + "\n"
            + #"{"id": "b", "question": "Two?", "reference": "Two is two.", "industry": "banking"}"# + "\n"
        try lines.write(toFile: folder.path("set.jsonl"), atomically: true, encoding: .utf8)
        let questions = try QuestionReader.read(path: folder.path("set.jsonl"), industry: "finance")
        #expect(questions == [
            Question(id: "a", text: "One?", industry: "finance", keywords: ["x", "y"], expected: "yes"),
            Question(id: "b", text: "Two?", industry: "banking", reference: "Two is two."),
        ])
    }

    @Test func aScheduleNeedsEveryOrTimesAndPer() throws {
        let yaml = """
            name: m
            providers: [{name: p, base_url: "http://127.0.0.1:1/v1", models: [a]}]
            \(Self.questions)
            schedule: {for: 4d, every: 51 minutes}
            """
        let message = try problem(yaml)
        #expect(message.contains("'schedule.every' is not a duration"), "\(message)")
        #expect(message.contains("51m"))
    }
}
