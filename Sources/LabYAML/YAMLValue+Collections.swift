import Yams

extension YAMLValue {
    /// The items of a list.
    public func list() throws -> [YAMLValue] {
        guard case .sequence(let sequence) = node else { throw wrongType("a list") }
        return sequence.enumerated().map { child($0.element, "\($0.offset)") }
    }

    /// A list of texts; a single text is accepted as a list of one.
    public func stringList() throws -> [String] {
        if case .scalar = node, !isNull { return [try string()] }
        return try list().map { try $0.string() }
    }

    /// A list of texts that are not blank, each checked at its own line; a single text is a list of one.
    public func nonEmptyStringList() throws -> [String] {
        if case .scalar = node, !isNull { return [try nonEmptyString()] }
        return try list().map { try $0.nonEmptyString() }
    }

    /// A mapping whose keys must all be in `allowed`. `context` names the place for messages ("the experiment").
    public func mapping(_ context: String, allowed: [String]) throws -> YAMLMap {
        let map = try mapping(context)
        try map.checkKeys(allowed: allowed)
        return map
    }

    /// A mapping with any keys.
    public func mapping(_ context: String) throws -> YAMLMap {
        if isNull { return YAMLMap(owner: self, context: context, entries: []) }
        guard case .mapping(let mapping) = node else { throw wrongType("a mapping of keys to values") }
        var entries: [(key: String, keyNode: YAMLValue, value: YAMLValue)] = []
        for (keyNode, valueNode) in mapping {
            // Complex keys are refused by YAMLShapeCheck; never print a node's internals.
            let name = keyNode.string ?? "(a list or mapping)"
            entries.append((name, YAMLValue(node: keyNode, path: name, file: file), child(valueNode, name)))
        }
        return YAMLMap(owner: self, context: context, entries: entries)
    }
}

/// A YAML mapping with its keys' positions, read with subscripts.
public struct YAMLMap {
    public let owner: YAMLValue
    /// How the place is named in messages, e.g. "chatter1".
    public let context: String
    let entries: [(key: String, keyNode: YAMLValue, value: YAMLValue)]

    /// A mapping with no keys, for options a config leaves out.
    public static func empty(file: String, context: String) -> YAMLMap {
        YAMLMap(owner: YAMLValue(node: .mapping(Node.Mapping([])), path: "", file: file), context: context, entries: [])
    }

    /// Keys in file order.
    public var keys: [String] { entries.map(\.key) }

    /// The value at a key; `nil` when absent or null.
    public subscript(key: String) -> YAMLValue? {
        guard let value = entries.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
    }

    /// The value at a key that must be present.
    public func required(_ key: String) throws -> YAMLValue {
        guard let value = self[key] else {
            throw ConfigError.missingKey(owner.location, key: key, context: context)
        }
        return value
    }

    /// Rejects keys outside `allowed`, suggesting the nearest valid key.
    public func checkKeys(allowed: [String]) throws {
        for entry in entries where !allowed.contains(entry.key) {
            throw ConfigError.unknownKey(
                entry.keyNode.location, key: entry.key, context: context,
                suggestion: Suggestion.nearest(to: entry.key, in: allowed), valid: allowed)
        }
    }
}

extension YAMLValue {
    /// True for a mapping (`{a: 1}` or block keys).
    public var isMapping: Bool {
        if case .mapping = node { return true }
        return false
    }

    /// True for a list.
    public var isList: Bool {
        if case .sequence = node { return true }
        return false
    }

    /// True for a plain (unquoted) whole number, which YAML reads as an integer.
    public var isPlainInt: Bool { plainScalar != nil && node.int != nil }

    /// True for a plain (unquoted) number with a fraction or exponent, which YAML reads as a float.
    public var isPlainFloat: Bool { plainScalar != nil && node.int == nil && node.float != nil }
}

extension YAMLMap {
    /// The node of a key itself (for messages that point at the key, not its value).
    public func keyNode(_ key: String) -> YAMLValue? { entries.first { $0.key == key }?.keyNode }
}
