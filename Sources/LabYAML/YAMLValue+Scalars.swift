import Foundation
import Yams

extension YAMLValue {
    /// True when the value is YAML null or empty.
    public var isNull: Bool {
        if case .scalar(let scalar) = node { return node.null != nil || scalar.string.isEmpty && scalar.style == .plain }
        return false
    }

    /// A text value. Numbers and booleans written in plain style are accepted as their text.
    public func string() throws -> String {
        guard case .scalar(let scalar) = node, !isNull else { throw wrongType("text") }
        return scalar.string
    }

    /// A non-empty text value.
    public func nonEmptyString() throws -> String {
        let text = try string()
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw badValue("is empty or only spaces", fix: "Write some text, or remove it.")
        }
        return text
    }

    /// The scalar when it is written plain (unquoted). Numbers and booleans must be plain everywhere: a quoted value
    /// (`runs: "5"`, `seed: '7'`) is text, as YAML says, and is refused where a number or boolean belongs.
    var plainScalar: Node.Scalar? {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return nil }
        return scalar
    }

    /// A whole number, optionally within a range.
    public func int(in range: ClosedRange<Int>? = nil) throws -> Int {
        guard plainScalar != nil, let value = node.int else { throw wrongType("a whole number") }
        if let range, !range.contains(value) {
            throw badValue("is \(value), which is outside \(Self.describe(range))", fix: "Use a number in \(Self.describe(range)).")
        }
        return value
    }

    /// A non-negative 64-bit seed.
    public func seed() throws -> UInt64 {
        guard let scalar = plainScalar, let value = UInt64(scalar.string) else {
            throw wrongType("a whole number from 0 to \(UInt64.max)")
        }
        return value
    }

    /// A number, optionally within a range.
    public func double(in range: ClosedRange<Double>? = nil) throws -> Double {
        guard plainScalar != nil, let value = node.float ?? node.int.map(Double.init), value.isFinite else {
            throw wrongType("a number")
        }
        if let range, !range.contains(value) {
            throw badValue(
                "is \(value), which is outside [\(range.lowerBound), \(range.upperBound)]",
                fix: "Use a number from \(range.lowerBound) to \(range.upperBound).")
        }
        return value
    }

    /// A probability in [0, 1].
    public func probability() throws -> Double {
        try double(in: 0...1)
    }

    /// `true` or `false`.
    public func bool() throws -> Bool {
        guard plainScalar != nil, let value = node.bool else { throw wrongType("true or false") }
        return value
    }

    /// One of a fixed set of words.
    public func choice(_ options: [String]) throws -> String {
        let text = try string()
        guard options.contains(text) else {
            let hint = Suggestion.nearest(to: text, in: options).map { "Did you mean '\($0)'? " } ?? ""
            throw badValue("is '\(Excerpt.of(text))', which is not one of \(options.joined(separator: ", "))", fix: "\(hint)Use one of them.")
        }
        return text
    }

    private static func describe(_ range: ClosedRange<Int>) -> String {
        range.upperBound == Int.max ? "\(range.lowerBound) or more" : "\(range.lowerBound)...\(range.upperBound)"
    }
}
