/// Untrusted text made safe for an HTML page: every character that could open markup or end an attribute escaped,
/// and very long texts cut with a note saying how much was left out.
enum HTMLText {
    /// The longest text shown whole, in characters; longer texts are cut to this with a note.
    static let limit = 4_000

    /// `text` escaped for element content and quoted attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// `text` escaped and, when longer than ``limit`` characters, cut with a note of how many were left out.
    static func bounded(_ text: String) -> String {
        guard text.count > limit else { return escape(text) }
        let left = text.count - limit
        return escape(String(text.prefix(limit))) + "<span class=\"cut\">… [\(left) more characters cut]</span>"
    }
}
