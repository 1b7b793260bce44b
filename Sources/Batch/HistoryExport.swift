import Foundation
import LabCore

/// Writes a slice of the history's answers as CSV (RFC 4180, a header row, formulas neutralised) or JSON (an array
/// of objects with the database's column names).
public enum HistoryExport {
    public enum Format: String, Sendable, CaseIterable {
        case csv, json
    }

    static let columns = ["batch", "provider", "model", "question", "industry", "position", "started_at", "latency",
        "ttft", "tokens_per_second", "success", "error_class", "error_message", "retries", "prompt_tokens",
        "completion_tokens", "cost", "keyword_coverage", "meaning_coverage", "verdict", "answer"]

    public static func data(_ answers: [AnswerRecord], format: Format) -> Data {
        switch format {
        case .csv:
            var text = columns.joined(separator: ",") + "\r\n"
            for answer in answers { text += values(answer).map(csvField).joined(separator: ",") + "\r\n" }
            return Data(text.utf8)
        case .json:
            let objects = answers.map { answer in
                JSON.object(Dictionary(uniqueKeysWithValues: zip(columns, values(answer).map(json))))
            }
            return Data((JSON.array(objects).text + "\n").utf8)
        }
    }

    /// A value of one column: text, number, boolean or null.
    enum Value {
        case text(String), number(Double), integer(Int), bool(Bool), null
    }

    static func values(_ a: AnswerRecord) -> [Value] {
        func number(_ value: Double?) -> Value { value.map { .number($0) } ?? .null }
        func integer(_ value: Int?) -> Value { value.map { .integer($0) } ?? .null }
        func text(_ value: String?) -> Value { value.map { .text($0) } ?? .null }
        return [.text(a.batch), .text(a.provider), .text(a.model), .text(a.question), .text(a.industry),
                .integer(a.position), .number(a.startedAt), number(a.latency), number(a.ttft), number(a.tokensPerSecond),
                .bool(a.success), text(a.errorClass), text(a.errorMessage), .integer(a.retries), integer(a.promptTokens),
                integer(a.completionTokens), number(a.cost), number(a.keywordCoverage), number(a.meaningCoverage),
                text(a.verdict), .text(a.answer)]
    }

    static func json(_ value: Value) -> JSON {
        switch value {
        case .text(let text): return .string(text)
        case .number(let number): return .number(number)
        case .integer(let number): return .number(Double(number))
        case .bool(let flag): return .bool(flag)
        case .null: return .null
        }
    }

    /// A CSV field, quoted when needed; text a spreadsheet would run as a formula gets a leading apostrophe.
    static func csvField(_ value: Value) -> String {
        switch value {
        case .null: return ""
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        case .text(var text):
            if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
            guard text.contains(where: { ",\"\r\n".contains($0) }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }
}
