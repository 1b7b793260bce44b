import Foundation

/// A labeled ML-I13 series for `chatlab calibrate`: the replies a chatter gave to one question about itself, in
/// order, each labeled as a person judges it.
///
/// On disk (JSON Lines): `{"question": str, "closed": bool, "replies": [str], "labels": ["fail"|"reference"|"pass"],
/// "class"?: str}`, one label per reply: `reference` for the first substantive answer, `pass` for a later answer that
/// agrees with it, `fail` for a non-answer or a disagreeing answer.
public struct ConsistencySeries: Sendable, Hashable {
    public enum Label: String, Sendable, Hashable, Codable {
        case reference
        case pass
        case fail
    }

    public var question: String
    public var isClosed: Bool
    public var replies: [String]
    public var labels: [Label]
    /// `file:line`.
    public var source: String
    /// The class of case (`"class"` in the file); nil when not given.
    public var category: String?

    public init(question: String, isClosed: Bool, replies: [String], labels: [Label], source: String = "", category: String? = nil) {
        self.question = question
        self.isClosed = isClosed
        self.replies = replies
        self.labels = labels
        self.source = source
        self.category = category
    }

    /// Reads the series of a JSON Lines file (already split into lines); a bad line throws naming `file:line`.
    static func parse(_ lines: [String], file: String) throws -> [ConsistencySeries] {
        var result: [ConsistencySeries] = []
        for (offset, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
            func bad(_ message: String) -> CalibrationError { CalibrationError(file: file, line: offset + 1, message: message) }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw bad("not a JSON object")
            }
            guard let question = object["question"] as? String else { throw bad("missing \"question\" (text)") }
            guard let closed = object["closed"] as? Bool else { throw bad("missing \"closed\" (true or false)") }
            guard let replies = object["replies"] as? [String], !replies.isEmpty else {
                throw bad("\"replies\" must be a non-empty list of texts")
            }
            let written = object["labels"] as? [String] ?? []
            let labels = written.compactMap(Label.init(rawValue:))
            guard labels.count == written.count, labels.count == replies.count else {
                throw bad("\"labels\" must give one of \"fail\", \"reference\", \"pass\" for each of the \(replies.count) replies")
            }
            guard labels.filter({ $0 == .reference }).count <= 1 else { throw bad("a series has at most one \"reference\"") }
            result.append(ConsistencySeries(
                question: question, isClosed: closed, replies: replies, labels: labels, source: "\(file):\(offset + 1)",
                category: object["class"] as? String))
        }
        return result
    }
}
