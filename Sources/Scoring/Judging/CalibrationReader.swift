import Foundation
import LabCore

/// Reads a labeled calibration set (JSON Lines, see ``CalibrationItem``).
///
/// Blank lines are ignored. The first bad line stops reading with a ``CalibrationError`` naming `file:line`: not JSON,
/// a missing or mistyped field, a kind other than open/closed, a closed item whose expected answer is not true/false
/// or an open one whose is not text, a label other than pass/fail.
public enum CalibrationReader {
    public static func read(path: String) throws -> [CalibrationItem] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CalibrationError(file: path, line: 0, message: "cannot read the file")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    public static func parse(_ text: String, file: String) throws -> [CalibrationItem] {
        var items: [CalibrationItem] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            do {
                items.append(try item(String(line), source: "\(file):\(offset + 1)"))
            } catch let error as CalibrationError {
                throw CalibrationError(file: file, line: offset + 1, message: error.message)
            } catch {
                throw CalibrationError(file: file, line: offset + 1, message: describe(error))
            }
        }
        return items
    }

    private struct Line: Decodable {
        var kind: String
        var question: String
        var expected: Expected
        var aliases: [String]?
        var reply: String
        var label: String
        var `class`: String?
    }

    private enum Expected: Decodable {
        case text(String)
        case flag(Bool)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                self = .flag(flag)
            } else if let text = try? container.decode(String.self) {
                self = .text(text)
            } else {
                throw CalibrationError(file: "", line: 0, message: "\"expected\" must be text or true/false")
            }
        }
    }

    private static func item(_ line: String, source: String) throws -> CalibrationItem {
        let raw = try JSONDecoder().decode(Line.self, from: Data(line.utf8))
        guard let kind = CalibrationItem.Kind(rawValue: raw.kind) else {
            throw CalibrationError(file: "", line: 0, message: "\"kind\" must be \"open\" or \"closed\", not \"\(raw.kind)\"")
        }
        guard let label = Verdict(rawValue: raw.label), label != .skipped else {
            throw CalibrationError(file: "", line: 0, message: "\"label\" must be \"pass\" or \"fail\", not \"\(raw.label)\"")
        }
        let expected: TestSet.Expected
        switch (kind, raw.expected) {
        case (.open, .text(let answer)) where !answer.trimmingCharacters(in: .whitespaces).isEmpty:
            expected = .text(answer, aliases: raw.aliases ?? [])
        case (.closed, .flag(let flag)):
            expected = flag ? .yes : .no
        case (.open, _):
            throw CalibrationError(file: "", line: 0, message: "an open item's \"expected\" must be non-empty text")
        case (.closed, _):
            throw CalibrationError(file: "", line: 0, message: "a closed item's \"expected\" must be true or false")
        }
        return CalibrationItem(
            kind: kind, question: raw.question, expected: expected, reply: raw.reply, label: label, source: source,
            category: raw.class)
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _):
            return "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "\"\(field)\" has the wrong type"
        case let error as CalibrationError:
            return error.message
        default:
            return "not a JSON object"
        }
    }
}
