import LabCore
import LabYAML

/// Reads an output's `type`: int, float, money, str (or string), time, time(format), date, date(format), bool,
/// list[T].
enum OutputTypeParser {
    static func parse(_ value: YAMLValue, warnings: inout [String]) throws -> OutputType {
        let text = try value.string().trimmingCharacters(in: .whitespaces)
        if let type = parse(text) { return type }
        guard text.range(of: #"^\w+$"#, options: .regularExpression) != nil else {
            throw value.badValue("is '\(Excerpt.of(text))', which is not an output type",
                fix: "Use int, float, money, str, time, date, bool or list[T].")
        }
        // A custom type of the SENSEI tool (a types/<name>.yml file): extracted as text.
        let known = ["int", "float", "money", "str", "string", "time", "date", "bool"]
        let hint = Suggestion.nearest(to: text, in: known).map { " (did you mean '\($0)'?)" } ?? ""
        warnings.append("\(value.location): warning: output type '\(Excerpt.of(text))' is not built in\(hint); "
            + "it is extracted as text (custom types' files are not read)")
        return .string
    }

    static func parse(_ text: String) -> OutputType? {
        let lower = text.lowercased()
        if lower.hasPrefix("list[") && lower.hasSuffix("]") {
            return parse(String(text.dropFirst(5).dropLast())).flatMap { element in
                if case .list = element { return nil }
                return .list(element)
            }
        }
        if lower.hasPrefix("time(") && lower.hasSuffix(")") { return .time }
        if lower.hasPrefix("date(") && lower.hasSuffix(")") { return .date }
        switch lower {
        case "int": return .int
        case "float": return .float
        case "money": return .money
        case "str", "string": return .string
        case "time": return .time
        case "date": return .date
        case "bool": return .bool
        default: return nil
        }
    }
}
