import LabYAML

/// A problem in a rule file: a syntax error inside an expression (with the file's line and column and a caret under
/// the place), a duplicate rule name, or a YAML or key problem (``ConfigError``).
public enum RuleFileError: Error, Sendable, CustomStringConvertible {
    /// An expression that does not parse. `source` is the file's line holding the problem; `column` is 1-based.
    case syntax(file: String, line: Int, column: Int, key: String, rule: String, message: String, source: String)
    /// Two rules with one name (the report would mix their results).
    case duplicateName(name: String, first: String, second: String)
    /// The rule file's YAML or keys are wrong.
    case config(ConfigError)
    /// A path given holds no rule files.
    case noRules(path: String)

    public var description: String {
        switch self {
        case .syntax(let file, let line, let column, let key, let rule, let message, let source):
            let shown = Excerpt.of(source, limit: 200)
            let caretColumn = min(column - 1, shown.count)
            let prefix = String(shown.prefix(caretColumn).map { $0 == "\t" ? "\t" : " " as Character })
            return "\(file):\(line):\(column): error: invalid syntax in '\(key)' of rule '\(Excerpt.of(rule))': \(message)\n"
                + "    \(shown)\n    \(prefix)^"
        case .duplicateName(let name, let first, let second):
            return "\(second): error: a rule named '\(Excerpt.of(name))' is already defined at \(first). Give each rule its own name."
        case .config(let error):
            return error.description
        case .noRules(let path):
            return "\(path): error: no rule files (*.yaml, *.yml) here. Point at a rule file or a folder of them."
        }
    }
}
