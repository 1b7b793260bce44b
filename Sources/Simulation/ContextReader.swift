import Foundation
import LabCore
import LabYAML

/// Reads `user.context`: phrases and at most one `{personality: NAME_OR_PATH}`.
///
/// A personality is looked up as a file beside the profile, then in the current folder, then among ChatLab's own
/// by file name (`formal-user`, `personalities/formal-user.yml`...).
struct ContextReader {
    var profilePath: String
    var workingDirectory: String

    struct Context {
        var phrases: [String]
        var personality: Personality?
        var raw: JSON
    }

    func read(_ value: YAMLValue?, warnings: inout [String]) throws -> Context {
        guard let value else { return Context(phrases: [], personality: nil, raw: .array([])) }
        var phrases: [String] = []
        var personality: Personality?
        var raw: [JSON] = []
        let items: [YAMLValue] = value.isList ? try value.list() : [value]
        for item in items {
            if item.isMapping {
                let map = try item.mapping("a context entry", allowed: ["personality"])
                let nameValue = try map.required("personality")
                guard personality == nil else {
                    throw item.badValue("is a second personality", fix: "Keep one '{personality: ...}' entry.")
                }
                let name = try nameValue.nonEmptyString()
                personality = try find(name, at: nameValue)
                raw.append(.object(["personality": .string(name)]))
            } else {
                let phrase = try item.nonEmptyString()
                phrases.append(phrase)
                raw.append(.string(phrase))
            }
        }
        return Context(phrases: (personality?.phrases ?? []) + phrases, personality: personality, raw: .array(raw))
    }

    private func find(_ name: String, at value: YAMLValue) throws -> Personality {
        let folder = (profilePath as NSString).deletingLastPathComponent
        let candidates = name.hasPrefix("/") ? [name]
            : [((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(name),
               (workingDirectory as NSString).appendingPathComponent(name)]
        for path in candidates where FileManager.default.fileExists(atPath: path) {
            return try read(path)
        }
        if let own = BuiltInPersonalities.named(name) { return own }
        let names = BuiltInPersonalities.all.map(\.name)
        let hint = Suggestion.nearest(to: (name as NSString).lastPathComponent, in: names).map { "Did you mean '\($0)'? " } ?? ""
        throw value.badValue(
            "names '\(Excerpt.of(name))', which is not a file beside the profile or in the current folder, nor one of "
                + "ChatLab's personalities", fix: "\(hint)Use a path to a personality file or one of \(names.joined(separator: ", ")).")
    }

    private func read(_ path: String) throws -> Personality {
        let map = try YAMLValue.read(path: path).mapping("the personality", allowed: ["name", "context"])
        let phrases = try map.required("context").nonEmptyStringList()
        let fallbackName = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return Personality(name: try map["name"]?.nonEmptyString() ?? fallbackName, phrases: phrases)
    }
}
