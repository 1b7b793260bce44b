import Foundation
import LabCore
import LabYAML

/// Reads one goal variable's `{function, type, data}`.
enum VariableReader {
    /// The most values one variable may have (ranges included).
    static let maxValues = 10_000

    static func read(name: String, _ value: YAMLValue, warnings: inout [String]) throws -> GoalVariable {
        let map = try value.mapping("variable '\(name)'", allowed: ["function", "type", "data"])
        let typeValue = try map.required("type")
        let typeName = try typeValue.string()
        let type: VariableType
        if let builtIn = VariableType(rawValue: typeName) {
            type = builtIn
        } else if typeName.range(of: #"^\w+$"#, options: .regularExpression) != nil, !["str", "text", "integer", "number"].contains(typeName) {
            // A custom type of the SENSEI tool (a types/<name>.yml file with a format): its values are text.
            type = .string
            let hint = Suggestion.nearest(to: typeName, in: VariableType.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
            warnings.append("\(typeValue.location): warning: type '\(Excerpt.of(typeName))' is not built in\(hint); its "
                + "values are used as text and not checked against a types/ file's format")
        } else {
            throw typeValue.badValue("is '\(Excerpt.of(typeName))', which is not a variable type",
                fix: "Use string, int or float.")
        }
        let function = try map["function"].map(readFunction) ?? .all
        let dataValue = try map.required("data")
        var values: [VariableValue] = []
        var anyPrompts: [String] = []
        if dataValue.isList {
            for item in try dataValue.list() {
                if let prompt = try anyPrompt(item) {
                    guard type == .string else {
                        throw item.badValue("asks an LLM for \(type) values", fix: "Use any(...) only in string variables.")
                    }
                    anyPrompts.append(prompt)
                } else {
                    values.append(try scalar(item, type: type))
                }
            }
        } else if dataValue.isMapping {
            values = try RangeReader.read(dataValue, type: type, warnings: &warnings)
        } else {
            throw dataValue.badValue("is neither a list nor a range",
                fix: "Write a list ('data: [small, big]') or a range ('data: {min: 1, max: 3, step: 1}').")
        }
        guard !values.isEmpty || !anyPrompts.isEmpty else {
            throw dataValue.badValue("has no values", fix: "Give at least one value.")
        }
        guard values.count <= maxValues else {
            throw dataValue.badValue("has \(values.count) values", fix: "Give at most \(maxValues).")
        }
        if case .randomCount(let n) = function, n < 1 {
            throw try map.required("function").badValue("draws \(n) values", fix: "Draw at least 1: 'random(1)' or 'random()'.")
        }
        return GoalVariable(name: name, type: type, function: function, values: values, anyPrompts: anyPrompts,
            location: value.location.description)
    }

    /// `any(prompt)` → the prompt; `nil` for an ordinary item.
    private static func anyPrompt(_ item: YAMLValue) throws -> String? {
        guard !item.isPlainInt, !item.isPlainFloat, let text = try? item.string() else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("any("), trimmed.hasSuffix(")") else { return nil }
        let prompt = String(trimmed.dropFirst(4).dropLast()).trimmingCharacters(in: .whitespaces)
        guard !prompt.isEmpty else {
            throw item.badValue("asks for any() of nothing", fix: "Say what to list, e.g. 'any(3 vegetables)'.")
        }
        return prompt
    }

    static func scalar(_ item: YAMLValue, type: VariableType) throws -> VariableValue {
        switch type {
        case .string:
            guard !item.isMapping, !item.isList else {
                throw item.badValue("is not a single value", fix: "Write each value as a text item of the list.")
            }
            return .text(try item.nonEmptyString())
        case .int:
            guard item.isPlainInt else {
                throw item.badValue("is not a whole number, as 'type: int' needs", fix: "Write a whole number, or use 'type: float' or 'type: string'.")
            }
            return .int(try item.int())
        case .float:
            guard item.isPlainInt || item.isPlainFloat else {
                throw item.badValue("is not a number, as 'type: float' needs", fix: "Write a number, or use 'type: string'.")
            }
            return .float(try item.double())
        }
    }

    /// `random()`, `random(3)`, `random(rand)`, `another()`, `another(2)`, `forward()`, `forward(x)`, `pairwise()`,
    /// `default()`, or empty (= `default()`).
    static func readFunction(_ value: YAMLValue) throws -> VariableFunction {
        let text = try value.string().replacingOccurrences(of: " ", with: "")
        if text.isEmpty { return .all }
        let known = "default(), random(), random(n), random(rand), another(), another(n), forward(), forward(var), pairwise()"
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else {
            throw value.badValue("is '\(Excerpt.of(text))', which is not a function call",
                fix: "Write one of \(known); the parentheses are needed.")
        }
        let name = String(text[..<open])
        let argument = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        switch (name, argument) {
        case ("default", ""): return .all
        case ("random", ""): return .random
        case ("random", "rand"): return .randomSome
        case ("random", let n) where Int(n) != nil: return .randomCount(Int(n)!)
        case ("another", ""): return .another(1)
        case ("another", let n) where Int(n).map({ $0 >= 1 }) == true: return .another(Int(n)!)
        case ("forward", ""): return .forward
        case ("forward", let other) where other.range(of: #"^\w+$"#, options: .regularExpression) != nil:
            return .forwardOver(other)
        case ("pairwise", ""): return .pairwise
        default:
            let hint = Suggestion.nearest(to: name, in: ["default", "random", "another", "forward", "pairwise"])
                .map { "Did you mean '\($0)'? " } ?? ""
            throw value.badValue("is '\(Excerpt.of(text))', which is not a function ChatLab knows", fix: "\(hint)Use one of \(known).")
        }
    }
}
