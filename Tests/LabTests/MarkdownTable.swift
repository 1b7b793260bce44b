import Foundation

/// Reads a Markdown table out of a document, for tests that compare the README with the code.
enum MarkdownTable {
    /// The body rows (cells unescaped and trimmed) of the first table whose header row has exactly `header`.
    static func rows(in text: String, header: [String]) -> [[String]] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { cells($0) == header }) else { return [] }
        var rows: [[String]] = []
        for line in lines[(start + 2)...] {
            guard line.hasPrefix("|") else { break }
            rows.append(cells(line))
        }
        return rows
    }

    /// The cells of one table line: split on `|` that are not escaped, `\|` read as `|`.
    static func cells(_ line: String) -> [String] {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("|"), trimmed.hasSuffix("|") else { return [] }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in trimmed.dropFirst().dropLast() {
            if escaped {
                current.append(character == "|" ? "|" : "\\")
                if character != "|" { current.append(character) }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        cells.append(current.trimmingCharacters(in: .whitespaces))
        return cells
    }
}
