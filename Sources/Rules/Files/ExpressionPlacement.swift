import LabYAML

/// Places a syntax error found inside an expression on the rule file's own line and column: the expression's line
/// is looked up in the file from the YAML value's position on (plain, quoted and block scalars all keep each line's
/// text), so the caret points at the character in the file, not just in the expression.
enum ExpressionPlacement {
    static func error(
        _ error: RuleSyntaxError, source: String, node: YAMLValue, key: String, rule: String, lines: [String]
    ) -> RuleFileError {
        let scalars = Array(source.unicodeScalars)
        let offset = min(max(0, error.offset), scalars.count)
        let before = scalars[..<offset]
        let lineInSource = before.count { $0 == "\n" }
        let lineStart = before.lastIndex(of: "\n").map { $0 + 1 } ?? 0
        let columnInLine = offset - lineStart
        let sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let text = lineInSource < sourceLines.count ? String(sourceLines[lineInSource]) : ""
        let location = node.location
        var searchLine = max(0, location.line - 1)
        var searchColumn = max(0, location.column - 1)
        // Find the lines of the expression one after another, so a repeated line is matched at its own place.
        for (index, line) in sourceLines.enumerated() where index <= lineInSource {
            guard let (found, column) = find(String(line), in: lines, from: searchLine, column: searchColumn) else {
                return .syntax(
                    file: location.file, line: location.line, column: location.column + columnInLine, key: key, rule: rule,
                    message: error.message, source: location.line - 1 < lines.count ? lines[location.line - 1] : text)
            }
            if index == lineInSource {
                return .syntax(
                    file: location.file, line: found + 1, column: column + columnInLine + 1, key: key, rule: rule,
                    message: error.message, source: lines[found])
            }
            searchLine = found + 1
            searchColumn = 0
        }
        return .syntax(
            file: location.file, line: location.line, column: location.column, key: key, rule: rule, message: error.message,
            source: text)
    }

    /// The first line at or after `from` holding `text` (at or after `column` on the first line), and the column
    /// (in Unicode scalars) where it starts.
    private static func find(_ text: String, in lines: [String], from: Int, column: Int) -> (Int, Int)? {
        let needle = Array(text.trimmingCharacters(in: .whitespaces).unicodeScalars)
        let leading = text.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
        guard from < lines.count else { return nil }
        for index in from..<min(lines.count, from + 200) {
            let line = Array(lines[index].unicodeScalars)
            let start = index == from ? min(column, line.count) : 0
            if needle.isEmpty { return (index, start) }
            var position = start
            while position + needle.count <= line.count {
                if line[position..<position + needle.count].elementsEqual(needle) { return (index, position - leading) }
                position += 1
            }
        }
        return nil
    }
}
