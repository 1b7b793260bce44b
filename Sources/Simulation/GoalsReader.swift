import Foundation
import LabCore
import LabYAML

/// Reads `user.goals` (or `ask_about`): phrases with `{{variable}}` placeholders, and variable definitions.
enum GoalsReader {
    struct Goals {
        var phrases: [String]
        var variables: [GoalVariable]
    }

    /// `{{name}}` with optional spaces inside the braces.
    static let placeholder = try! NSRegularExpression(pattern: #"\{\{\s*(\w+)\s*\}\}"#)

    static func read(_ value: YAMLValue, warnings: inout [String]) throws -> Goals {
        var phrases: [(String, YAMLValue)] = []
        var variables: [GoalVariable] = []
        for item in try value.list() {
            if item.isMapping {
                let map = try item.mapping("a goal variable")
                guard map.keys.count == 1, let name = map.keys.first, let definition = map[name] else {
                    throw item.badValue("is not one '{name: {function, type, data}}' entry",
                        fix: "Write each variable as its own list item, e.g. '- size: {function: random(), type: string, data: [small, big]}'.")
                }
                guard name.range(of: #"^\w+$"#, options: .regularExpression) != nil else {
                    throw item.badValue("names a variable '\(Excerpt.of(name))'", fix: "Use letters, digits and '_' only.")
                }
                guard !variables.contains(where: { $0.name == name }) else {
                    throw item.badValue("defines '\(name)' a second time", fix: "Define each variable once.")
                }
                variables.append(try VariableReader.read(name: name, definition, warnings: &warnings))
            } else {
                phrases.append((try item.nonEmptyString(), item))
            }
        }
        guard !phrases.isEmpty else {
            throw value.badValue("has no goal phrases", fix: "Add at least one phrase, e.g. '- \"a {{size}} pizza\"'.")
        }
        var used: Set<String> = []
        for (phrase, item) in phrases {
            for name in names(in: phrase) {
                used.insert(name)
                guard variables.contains(where: { $0.name == name }) else {
                    let hint = Suggestion.nearest(to: name, in: variables.map(\.name)).map { "Did you mean '\($0)'? " } ?? ""
                    throw item.badValue("uses '{{\(name)}}', which no goal variable defines",
                        fix: "\(hint)Define it in the goals list: '- \(name): {function: random(), type: string, data: [...]}'.")
                }
            }
        }
        for variable in variables where !used.contains(variable.name) {
            let referenced = variables.contains { if case .forwardOver(variable.name) = $0.function { return true } else { return false } }
            if !referenced {
                warnings.append("\(variable.location): warning: variable '\(variable.name)' appears in no goal phrase")
            }
        }
        return Goals(phrases: phrases.map(\.0), variables: variables)
    }

    /// The variable names a phrase uses, in order of appearance.
    static func names(in phrase: String) -> [String] {
        let range = NSRange(phrase.startIndex..., in: phrase)
        return placeholder.matches(in: phrase, range: range).compactMap {
            Range($0.range(at: 1), in: phrase).map { String(phrase[$0]) }
        }
    }

    /// The phrase with every placeholder replaced by its variable's text.
    static func fill(_ phrase: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = phrase[...]
        let range = NSRange(phrase.startIndex..., in: phrase)
        var last = phrase.startIndex
        for match in placeholder.matches(in: phrase, range: range) {
            guard let whole = Range(match.range, in: phrase), let name = Range(match.range(at: 1), in: phrase) else { continue }
            result += phrase[last..<whole.lowerBound]
            result += values[String(phrase[name])] ?? String(phrase[whole])
            last = whole.upperBound
        }
        rest = phrase[last...]
        return result + rest
    }
}
