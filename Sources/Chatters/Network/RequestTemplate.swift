import LabCore
import LabYAML

/// A JSON request body with `{{placeholder}}` strings, read from a config (the `body` / `message` options).
///
/// A string that is exactly one placeholder is replaced by the placeholder's JSON value (`"{{history}}"` becomes a
/// list, `"{{round}}"` a number); placeholders inside longer strings are replaced by their text.
public struct RequestTemplate: Sendable {
    public let root: JSON

    public init(_ root: JSON) {
        self.root = root
    }

    /// The deepest nesting of lists and objects a template may have (the YAML reader allows no deeper).
    public static let maxDepth = YAMLLimits.standard.maxDepth

    /// Reads a template from any YAML value; an unknown placeholder, or nesting deeper than ``maxDepth``, is a config
    /// error naming it.
    public init(yaml value: YAMLValue) throws {
        root = try Self.convert(value, depth: 0)
    }

    /// The body for one request.
    public func render(_ values: TemplateValues) -> JSON {
        Self.render(root, values)
    }

    private static func render(_ node: JSON, _ values: TemplateValues) -> JSON {
        switch node {
        case .string(let text):
            if let name = exactPlaceholder(text) { return values.json(name) }
            guard text.contains("{{") else { return node }
            var result = text
            for name in TemplateValues.names { result = result.replacingOccurrences(of: "{{\(name)}}", with: values.text(name)) }
            return .string(result)
        case .array(let items): return .array(items.map { render($0, values) })
        case .object(let members): return .object(members.mapValues { render($0, values) })
        default: return node
        }
    }

    static func exactPlaceholder(_ text: String) -> String? {
        guard text.hasPrefix("{{"), text.hasSuffix("}}"), text.count > 4 else { return nil }
        let name = String(text.dropFirst(2).dropLast(2))
        return TemplateValues.names.contains(name) ? name : nil
    }

    /// The placeholder names used in a string, valid or not.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            names.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return names
    }

    private static func convert(_ value: YAMLValue, depth: Int) throws -> JSON {
        if value.isNull { return .null }
        if depth > maxDepth {
            throw value.badValue(
                "is nested more than \(maxDepth) levels deep", fix: "Flatten the template; a request body needs a few levels.")
        }
        if let items = try? value.list() { return .array(try items.map { try convert($0, depth: depth + 1) }) }
        if let map = try? value.mapping("the template") {
            var members: [String: JSON] = [:]
            for key in map.keys { members[key] = try map[key].map { try convert($0, depth: depth + 1) } ?? .null }
            return .object(members)
        }
        if let number = try? value.int() { return .number(Double(number)) }
        if let number = try? value.double() { return .number(number) }
        if let flag = try? value.bool() { return .bool(flag) }
        let text = try value.string()
        for name in placeholders(in: text) where !TemplateValues.names.contains(name) {
            throw value.badValue(
                "uses the unknown placeholder '{{\(Excerpt.of(name))}}'",
                fix: "Use one of \(TemplateValues.names.map { "{{\($0)}}" }.joined(separator: ", ")).")
        }
        return .string(text)
    }
}
