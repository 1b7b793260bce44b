import Foundation
import LabCore
import LabYAML

/// Reads the test sets of one YAML file, collecting every problem with its file and line.
enum TestSetParser {
    static let keys = ["id", "type", "form", "topic", "expected", "aliases", "extraction", "information", "questions"]

    /// The sets of a file, and the problems found in it (a set with a problem is left out).
    static func parse(text: String, file: String) -> (sets: [(TestSet, ConfigError.Location)], problems: [ConfigError]) {
        var sets: [(TestSet, ConfigError.Location)] = []
        var problems: [ConfigError] = []
        do {
            let root = try YAMLValue.parse(text, file: file).mapping("a test-set file", allowed: ["sets"])
            for entry in try root.required("sets").list() {
                do {
                    sets.append((try parseSet(entry), entry.location))
                } catch let error as ConfigError {
                    problems.append(error)
                }
            }
        } catch let error as ConfigError {
            problems.append(error)
        } catch {
            problems.append(.unreadable(file: file, reason: "\(error)"))
        }
        return (sets, problems)
    }

    static func parseSet(_ value: YAMLValue) throws -> TestSet {
        let map = try value.mapping("a test set", allowed: keys)
        let id = try map.required("id").nonEmptyString()
        let context = "test set '\(Excerpt.of(id))'"
        let typeValue = try map.required("type")
        guard let kind = TestSet.Kind(rawValue: try typeValue.choice(TestSet.Kind.allCases.map(\.rawValue))) else {
            throw typeValue.badValue("is not a test type", fix: "Use QA, CO, IA or IQ.")
        }
        let isClosed = try map.required("form").choice(["open", "closed"]) == "closed"
        let information = try map["information"]?.nonEmptyStringList() ?? []
        let questions = try map.required("questions").nonEmptyStringList()
        if questions.isEmpty {
            throw try map.required("questions").badValue("is empty", fix: "Give at least one question.")
        }
        let expected = try expectedAnswer(map, kind: kind, isClosed: isClosed, context: context)
        let extraction = try map["extraction"]?.nonEmptyString()
        if kind == .co {
            if let info = map["information"] {
                throw info.badValue("is given for a CO set", fix: "CO sets ask the chatter about itself; remove 'information'.")
            }
        } else {
            if information.isEmpty {
                throw ConfigError.missingKey(map.owner.location, key: "information", context: context)
            }
            if !isClosed, extraction == nil {
                throw ConfigError.missingKey(map.owner.location, key: "extraction", context: "open \(context)")
            }
        }
        if let aliases = map["aliases"], isClosed || kind == .co {
            throw aliases.badValue("is given for a set without a text answer", fix: "Only open QA, IA and IQ sets take aliases.")
        }
        let set = TestSet(
            id: id, kind: kind, isClosed: isClosed, topic: try map["topic"]?.string(), expected: expected,
            extraction: extraction, information: information, questions: questions,
            source: map.owner.location.description)
        try checkAnswerAppears(set, map)
        return set
    }

    private static func expectedAnswer(_ map: YAMLMap, kind: TestSet.Kind, isClosed: Bool, context: String) throws
        -> TestSet.Expected
    {
        if kind == .co {
            if let value = map["expected"] {
                throw value.badValue("is given for a CO set", fix: "The chatter's first answer is the reference; remove it.")
            }
            return .none
        }
        let value = try map.required("expected")
        if isClosed {
            if let bool = try? value.bool() { return bool ? .yes : .no }
            throw value.badValue("must be yes or no for a closed set", fix: "Write 'expected: yes' or 'expected: no'.")
        }
        let aliases = try map["aliases"]?.nonEmptyStringList() ?? []
        return .text(try value.nonEmptyString(), aliases: aliases)
    }

    /// An open set's answer (or an alias) must be in every information variant, or the question cannot be answered.
    private static func checkAnswerAppears(_ set: TestSet, _ map: YAMLMap) throws {
        let answers = set.acceptedAnswers.map { $0.lowercased() }
        guard !answers.isEmpty, let list = try map["information"]?.list() else { return }
        for item in list {
            let text = try item.string().lowercased()
            if !answers.contains(where: { text.contains($0) }) {
                throw item.badValue(
                    "does not contain the expected answer '\(Excerpt.of(set.expectedDescription))' or an alias",
                    fix: "Mention the answer in every information variant, or add the form used here to 'aliases'.")
            }
        }
    }
}
