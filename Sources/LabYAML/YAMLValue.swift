import Yams

/// A node of a YAML file that remembers where it came from, so every error can name file, line and column.
///
/// Read a config by walking it: `try root.mapping("the experiment", allowed: [...])`, then `map["rounds"]?.int(...)`.
public struct YAMLValue {
    let node: Node
    /// Dotted path from the root, e.g. `chatters.chatter1.memory`.
    public let path: String
    public let file: String

    init(node: Node, path: String, file: String) {
        self.node = node
        self.path = path
        self.file = file
    }

    /// Parses YAML text; an empty document gives an empty mapping.
    ///
    /// The text is checked against `limits` first (size, values and nesting with aliases expanded, no complex keys:
    /// see ``YAMLShapeCheck``), so reading and walking the result take time and stack bounded by the limits.
    public static func parse(_ text: String, file: String, limits: YAMLLimits = .standard) throws -> YAMLValue {
        if text.utf8.count > limits.maxBytes {
            throw ConfigError.unreadable(
                file: file, reason: "it is larger than \(limits.maxBytes / (1 << 20)) MB, the most ChatLab reads from a YAML file")
        }
        try YAMLShapeCheck.check(text, file: file, limits: limits)
        do {
            let node = try Yams.compose(yaml: text) ?? Node.mapping(Node.Mapping([]))
            return YAMLValue(node: node, path: "", file: file)
        } catch let error as YamlError {
            throw ConfigError.syntax(Self.location(of: error, file: file), message: Self.problem(of: error))
        }
    }

    /// Reads and parses the YAML file at `path` (see ``InputFile`` for why a file cannot be read).
    public static func read(path: String, limits: YAMLLimits = .standard) throws -> YAMLValue {
        try parse(InputFile.text(atPath: path, maxBytes: limits.maxBytes), file: path, limits: limits)
    }

    public var location: ConfigError.Location {
        let mark = node.mark
        return ConfigError.Location(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// The last component of the path, for messages.
    public var key: String { path.isEmpty ? "(document)" : path }

    var kindName: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if scalar.string.isEmpty || node.null != nil { return "empty" }
            if scalar.style == .plain, node.int != nil || node.float != nil {
                return "the number \(Excerpt.of(scalar.string))"
            }
            if scalar.style == .plain, node.bool != nil { return "the boolean \(scalar.string)" }
            if scalar.style != .plain, Self.looksPlain(scalar.string) {
                return "the quoted text '\(Excerpt.of(scalar.string))' (write numbers and true/false without quotes)"
            }
            return "the text '\(Excerpt.of(scalar.string))'"
        }
    }

    /// Text that would be a number or a boolean if it were not quoted.
    private static func looksPlain(_ text: String) -> Bool {
        Int(text) != nil || Double(text) != nil || ["true", "false", "yes", "no"].contains(text.lowercased())
    }

    func wrongType(_ expected: String) -> ConfigError {
        .wrongType(location, key: key, expected: expected, found: kindName)
    }

    public func badValue(_ problem: String, fix: String) -> ConfigError {
        .badValue(location, key: key, problem: problem, fix: fix)
    }

    func child(_ node: Node, _ component: String) -> YAMLValue {
        YAMLValue(node: node, path: path.isEmpty ? component : "\(path).\(component)", file: file)
    }

    private static func location(of error: YamlError, file: String) -> ConfigError.Location {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return ConfigError.Location(file: file, line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(_, let context):
            return ConfigError.Location(file: file, line: context.mark.line, column: context.mark.column)
        default:
            return ConfigError.Location(file: file, line: 1, column: 1)
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            let text = context.map { "\($0.text) " } ?? ""
            return text + problem
        case .duplicatedKeysInMapping(let duplicates, _):
            return "the key '\(duplicates.map { Excerpt.of($0) }.joined(separator: "', '"))' appears twice"
        default:
            return "it cannot be read as YAML"
        }
    }
}
