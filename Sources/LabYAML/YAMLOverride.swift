import Yams

/// One `--set key.path=value` override of a YAML document: the dotted path of mapping keys and the value as YAML
/// (`0.5`, `true`, `[a, b]`, `text`).
public struct YAMLOverride: Sendable, Hashable, CustomStringConvertible {
    public var path: [String]
    public var value: String

    /// Reads `key.path=value`.
    /// - Throws: ``YAMLOverrideError/malformed(_:)`` without `=`, a key, or with an empty path component.
    public init(parsing text: String) throws {
        guard let equals = text.firstIndex(of: "=") else { throw YAMLOverrideError.malformed(text) }
        let path = text[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.isEmpty, !path.contains(where: \.isEmpty) else { throw YAMLOverrideError.malformed(text) }
        self.path = path
        value = String(text[text.index(after: equals)...])
    }

    public var description: String { path.joined(separator: ".") + "=" + value }

    /// `text` with every override applied, as YAML (comments are not kept). A key that is missing is added when
    /// `known` names it for its place (the keys a config may have there), else it is an error that names it and the
    /// known keys.
    /// - Parameter known: the keys allowed under a path (e.g. `["scorers"]` → the scorer ids), beside those the
    ///   document has; empty when anything goes there.
    public static func apply(
        _ overrides: [YAMLOverride], to text: String, file: String, known: ([String]) -> [String]
    ) throws -> String {
        var root = try YAMLValue.parse(text, file: file).node
        if case .scalar = root, root.null != nil { root = .mapping(Node.Mapping([])) }
        for override in overrides {
            let value: Node
            do {
                value = try Yams.compose(yaml: override.value) ?? Node("")
            } catch {
                throw YAMLOverrideError.badValue(override.description)
            }
            root = try set(value, at: override.path[...], in: root, done: [], override: override, known: known)
        }
        return try Yams.serialize(node: root)
    }

    private static func set(
        _ value: Node, at path: ArraySlice<String>, in node: Node, done: [String], override: YAMLOverride,
        known: ([String]) -> [String]
    ) throws -> Node {
        guard let key = path.first else { return value }
        guard case .mapping(var mapping) = node else {
            throw YAMLOverrideError.notAMapping(path: done.joined(separator: "."), override: override.description)
        }
        let present: [String] = Array(mapping.keys.compactMap(\.string))
        let allowed = known(done)
        guard present.contains(key) || allowed.contains(key) else {
            var valid = present
            for name in allowed where !valid.contains(name) { valid.append(name) }
            throw YAMLOverrideError.unknownKey(
                key: (done + [key]).joined(separator: "."), override: override.description,
                suggestion: Suggestion.nearest(to: key, in: valid), valid: valid)
        }
        let child = mapping[Node(key)] ?? .mapping(Node.Mapping([]))
        let replaced = try set(
            value, at: path.dropFirst(), in: child.null != nil ? .mapping(Node.Mapping([])) : child,
            done: done + [key], override: override, known: known)
        mapping[Node(key)] = replaced
        return .mapping(mapping)
    }
}

/// Why a `--set` override cannot be applied.
public enum YAMLOverrideError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case badValue(String)
    case notAMapping(path: String, override: String)
    case unknownKey(key: String, override: String, suggestion: String?, valid: [String])

    public var description: String {
        switch self {
        case .malformed(let text):
            return "error: --set \(Excerpt.of(text)): expected key.path=value, e.g. scorers.stutter.threshold=0.5."
        case .badValue(let text):
            return "error: --set \(Excerpt.of(text)): the value is not valid YAML."
        case .notAMapping(let path, let text):
            return "error: --set \(Excerpt.of(text)): '\(path)' is a value, not a mapping of keys."
        case .unknownKey(let key, let text, let suggestion, let valid):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "error: --set \(Excerpt.of(text)): unknown key '\(key)'.\(hint) Known keys there: "
                + (valid.isEmpty ? "none" : valid.joined(separator: ", ")) + "."
        }
    }
}
