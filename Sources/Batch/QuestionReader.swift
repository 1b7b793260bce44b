import Foundation
import LabCore
import LabYAML

/// Reads a question set: a YAML list (or `{questions: [...]}`) or JSONL, one question object a line, each with
/// `id`, `question` and optionally `reference`, `keywords`, `expected`, `industry`.
public enum QuestionReader {
    static let keys = ["id", "question", "reference", "keywords", "expected", "industry"]
    /// The most characters of a question, a reference or an expected answer.
    static let maxText = 20_000

    /// - Parameter industry: the set's name, for questions that do not name their own.
    /// - Throws: ``ConfigError`` naming the file and line of the problem.
    public static func read(path: String, industry: String) throws -> [Question] {
        if path.hasSuffix(".jsonl") { return try jsonLines(path: path, industry: industry) }
        let root = try YAMLValue.read(path: path)
        let list = root.isList ? root : try root.mapping("the question set", allowed: ["questions"]).required("questions")
        return try list.list().map { try question($0, industry: industry) }
    }

    /// One question from a YAML mapping.
    static func question(_ value: YAMLValue, industry: String) throws -> Question {
        let map = try value.mapping("a question", allowed: keys)
        return Question(
            id: try map.required("id").nonEmptyString(), text: try bounded(map.required("question")),
            industry: try map["industry"]?.nonEmptyString() ?? industry,
            reference: try map["reference"].map(bounded), keywords: try map["keywords"]?.nonEmptyStringList() ?? [],
            expected: try map["expected"].map(bounded))
    }

    private static func bounded(_ value: YAMLValue) throws -> String {
        let text = try value.nonEmptyString()
        guard text.count <= maxText else {
            throw value.badValue("has \(text.count) characters", fix: "Keep it under \(maxText) characters.")
        }
        return text
    }

    private static func jsonLines(path: String, industry: String) throws -> [Question] {
        let text = try InputFile.text(atPath: path)
        var questions: [Question] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            // Each line is YAML's JSON subset: parsed as YAML so every problem gets the line's own number.
            let padded = String(repeating: "\n", count: index) + line
            let value = try YAMLValue.parse(padded, file: path)
            guard value.isMapping else {
                throw ConfigError.fileProblem(
                    file: "\(path):\(index + 1)", problem: "this line is not a JSON object",
                    fix: #"Write one object a line: {"id": "q1", "question": "..."}."#)
            }
            questions.append(try question(value, industry: industry))
        }
        return questions
    }
}
