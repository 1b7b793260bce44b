/// A problem in a YAML file a user wrote (an experiment config, a chatter config, a test set).
///
/// Every case knows the file, line and column, so the message reads like a compiler's:
/// `config/demo.yaml:7:5: error: unknown key 'rund' in the experiment. Did you mean 'rounds'?`
public enum ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The YAML itself is malformed.
    case syntax(Location, message: String)
    /// A key that this place does not take.
    case unknownKey(Location, key: String, context: String, suggestion: String?, valid: [String])
    /// A key that must be there is missing.
    case missingKey(Location, key: String, context: String)
    /// A value of the wrong kind (text where a number belongs...).
    case wrongType(Location, key: String, expected: String, found: String)
    /// A value of the right kind that is not allowed.
    case badValue(Location, key: String, problem: String, fix: String)
    /// A problem with a whole file or folder, not a place in it (an empty test-set folder).
    case fileProblem(file: String, problem: String, fix: String)
    /// YAML that is valid but that ChatLab refuses: a complex key, too many values once aliases are expanded, too
    /// deep a nesting, more than one document.
    case unsupported(Location, problem: String, fix: String)

    /// Where in which file.
    public struct Location: Sendable, Hashable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var column: Int

        public init(file: String, line: Int, column: Int) {
            self.file = file
            self.line = line
            self.column = column
        }

        public var description: String { "\(file):\(line):\(column)" }
    }

    public var location: Location? {
        switch self {
        case .unreadable, .fileProblem: return nil
        case .syntax(let l, _), .unknownKey(let l, _, _, _, _), .missingKey(let l, _, _), .wrongType(let l, _, _, _),
            .badValue(let l, _, _, _), .unsupported(let l, _, _):
            return l
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): error: cannot read the file: \(reason)"
        case .fileProblem(let file, let problem, let fix):
            return "\(file): error: \(problem). \(fix)"
        case .syntax(let location, let message):
            return "\(location): error: this is not valid YAML: \(message)"
        case .unknownKey(let location, let key, let context, let suggestion, let valid):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "\(location): error: unknown key '\(Self.cut(key))' in \(context).\(hint) Valid keys: \(valid.joined(separator: ", "))."
        case .missingKey(let location, let key, let context):
            return "\(location): error: \(context) needs the key '\(key)'."
        case .wrongType(let location, let key, let expected, let found):
            return "\(location): error: '\(Self.cut(key))' must be \(expected), not \(found)."
        case .badValue(let location, let key, let problem, let fix):
            return "\(location): error: '\(Self.cut(key))' \(problem). \(fix)"
        case .unsupported(let location, let problem, let fix):
            return "\(location): error: \(problem). \(fix)"
        }
    }

    /// A key path quoted in a message: a user's key may be as long as the file.
    private static func cut(_ key: String) -> String { Excerpt.of(key, limit: 80) }
}
