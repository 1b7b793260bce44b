/// Makes any text a valid, unique Excel sheet name.
enum SheetName {
    /// Excel's limit, counted in UTF-16 code units (libxlsxwriter counts code points, which is never more).
    static let maxLength = 31
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Replaces forbidden characters with `_`, drops control characters, noncharacters (which XML cannot hold, see
    /// ``CellText``) and leading/trailing apostrophes and
    /// spaces, cuts to 31 characters, and falls back to `Sheet` when nothing is left.
    static func sanitize(_ name: String) -> String {
        var cleaned = String(
            name.compactMap { character -> Character? in
                if forbidden.contains(character) { return "_" }
                if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) {
                    return character == "\t" || character == "\n" ? " " : nil
                }
                if character.unicodeScalars.contains(where: { !CellText.isAllowed($0) }) { return nil }
                return character
            })
        cleaned = String(cleaned.drop { $0 == "'" || $0 == " " })
        while let last = cleaned.last, last == "'" || last == " " { cleaned.removeLast() }
        cleaned = prefix(cleaned, maxLength)
        while cleaned.last == "'" { cleaned.removeLast() }
        if cleaned.isEmpty { cleaned = "Sheet" }
        if cleaned.lowercased() == "history" { cleaned += "_" }  // reserved by Excel
        return cleaned
    }

    /// A sanitized name not yet in `taken` (compared case-insensitively, as Excel does): `Name`, `Name (2)`...
    static func unique(_ name: String, taken: Set<String>) -> String {
        let base = sanitize(name)
        if !taken.contains(base.lowercased()) { return base }
        var number = 2
        while true {
            let suffix = " (\(number))"
            let candidate = prefix(base, maxLength - suffix.utf16.count) + suffix
            if !taken.contains(candidate.lowercased()) { return candidate }
            number += 1
        }
    }

    /// The longest prefix of whole characters with at most `limit` UTF-16 code units.
    static func prefix(_ text: String, _ limit: Int) -> String {
        var count = 0
        var end = text.startIndex
        for index in text.indices {
            let width = text[index].utf16.count
            if count + width > limit { break }
            count += width
            end = text.index(after: index)
        }
        return String(text[..<end])
    }
}
