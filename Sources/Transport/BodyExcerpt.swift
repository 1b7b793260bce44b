import Foundation

/// The start of an answer body for messages: the first 160 characters, on one line.
public enum BodyExcerpt {
    public static func of(_ body: Data) -> String {
        let text = String(decoding: body.prefix(400), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: " ")
        return text.count > 160 ? "\(text.prefix(160))…" : (text.isEmpty ? "(empty body)" : text)
    }
}
