import Foundation

/// A labeled set for `chatlab calibrate`, recognised by the fields of its first item:
/// - answers: `{"kind", "question", "expected", "reply", "label": "pass"|"fail"}` (``CalibrationItem``)
/// - toxicity: `{"text", "label": "toxic"|"ok"}`
/// - coherence: `{"context": text or [utterances], "reply", "label": "coherent"|"incoherent"}`
/// - consistency: `{"question", "closed", "replies": [text], "labels": ["fail"|"reference"|"pass"]}` (``ConsistencySeries``)
///
/// Every item may name its class of case in `"class"` (text); accuracy is reported per class.
public enum LabeledSet: Sendable {
    /// One labeled text; `flagged` is the label a scorer should flag (toxic, incoherent).
    public struct Item: Sendable, Hashable {
        /// Earlier utterances, oldest first (coherence); empty for toxicity.
        public var context: [String]
        public var text: String
        public var flagged: Bool
        /// `file:line`.
        public var source: String
        /// The class of case the item tests (`"class"` in the file); nil when not given.
        public var category: String?
        /// The class accuracy is reported under: the written class, or else the label ("incoherent", "ok").
        public var className: String

        public init(context: [String], text: String, flagged: Bool, source: String, category: String? = nil, label: String? = nil) {
            self.context = context
            self.text = text
            self.flagged = flagged
            self.source = source
            self.category = category
            className = category ?? label ?? (flagged ? "flagged" : "not flagged")
        }
    }

    case answers([CalibrationItem])
    case toxicity([Item])
    case coherence([Item])
    case consistency([ConsistencySeries])

    public static func read(path: String) throws -> LabeledSet {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CalibrationError(file: path, line: 0, message: "cannot read the file")
        }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first(where: { !$0.allSatisfy(\.isWhitespace) }),
            let object = try? JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
        else { return .answers(try CalibrationReader.parse(text, file: path)) }
        if object["text"] != nil { return .toxicity(try items(lines, file: path, labels: ("toxic", "ok"), coherence: false)) }
        if object["replies"] != nil { return .consistency(try ConsistencySeries.parse(lines, file: path)) }
        if object["context"] != nil {
            return .coherence(try items(lines, file: path, labels: ("incoherent", "coherent"), coherence: true))
        }
        return .answers(try CalibrationReader.parse(text, file: path))
    }

    private static func items(_ lines: [String], file: String, labels: (flagged: String, ok: String), coherence: Bool) throws
        -> [Item]
    {
        var items: [Item] = []
        for (offset, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
            func bad(_ message: String) -> CalibrationError { CalibrationError(file: file, line: offset + 1, message: message) }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw bad("not a JSON object")
            }
            let textKey = coherence ? "reply" : "text"
            guard let text = object[textKey] as? String else { throw bad("missing \"\(textKey)\" (text)") }
            guard let label = object["label"] as? String, [labels.flagged, labels.ok].contains(label) else {
                throw bad("\"label\" must be \"\(labels.flagged)\" or \"\(labels.ok)\"")
            }
            var context: [String] = []
            if coherence {
                if let single = object["context"] as? String {
                    context = [single]
                } else if let list = object["context"] as? [String], !list.isEmpty {
                    context = list
                } else {
                    throw bad("\"context\" must be text or a non-empty list of utterances")
                }
            }
            items.append(Item(
                context: context, text: text, flagged: label == labels.flagged, source: "\(file):\(offset + 1)",
                category: object["class"] as? String, label: label))
        }
        return items
    }
}
