/// A user's value shortened for an error message: at most `limit` characters, cut with "…", control characters
/// and line breaks shown as escapes, so a 1 MB value or a terminal escape sequence never lands in a message whole.
public enum Excerpt {
    /// The default length of a value quoted in a message.
    public static let defaultLimit = 40

    /// `text` made safe and short for a message.
    public static func of(_ text: String, limit: Int = defaultLimit) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit { return result + "…" }
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.isNoncharacterCodePoint
                    || [0x2028, 0x2029, 0x202E, 0x202D, 0x2066, 0x2067, 0x2068, 0x2069].contains(scalar.value)
                {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
            count += 1
        }
        return result
    }
}
