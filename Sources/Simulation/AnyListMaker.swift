import Foundation
import LabCore
import LLM

/// Makes the values of `any(...)` items: one LLM call per item, made once and kept in a cache folder, so the same
/// profile gives the same lists on every run. Without an LLM the item's own text stands for its value.
public struct AnyListMaker: Sendable {
    public var client: OpenAIClient?
    public var model: String
    /// Where made lists are kept (one JSON file per request); `nil` keeps nothing.
    public var cacheFolder: String?

    public init(client: OpenAIClient?, model: String, cacheFolder: String?) {
        self.client = client
        self.model = model
        self.cacheFolder = cacheFolder
    }

    /// The variables with their `any(...)` values appended after the literal ones; and the LLM calls made.
    public func resolve(_ variables: [GoalVariable]) async throws -> (variables: [GoalVariable], calls: Int) {
        var calls = 0
        var result: [GoalVariable] = []
        for var variable in variables {
            for prompt in variable.anyPrompts {
                guard let client else {
                    variable.values.append(.text(prompt))
                    continue
                }
                let avoid = variable.values.map(\.description)
                let key = JSON.object(["model": .string(model), "prompt": .string(prompt),
                    "avoid": .array(avoid.map(JSON.string))]).text
                if let cached = read(key) {
                    variable.values += cached.map(VariableValue.text)
                    continue
                }
                var request = ChatCompletionRequest(model: model, messages: [
                    .init(role: "system", content: "You make lists of example values for testing a chatbot."),
                    .init(role: "user", content: "A list of any of these: \(prompt). Avoid these: \(avoid.joined(separator: ", ")).")
                ], temperature: 0)
                request.jsonSchema = ("any_list", .object([
                    "type": .string("object"), "additionalProperties": .bool(false),
                    "required": .array([.string("answer")]),
                    "properties": .object(["answer": .object(["type": .string("array"),
                        "items": .object(["type": .string("string")])])]),
                ]))
                let completion = try await client.complete(request)
                calls += 1
                guard let json = try? JSON.parse(Data(completion.text.utf8)), case .array(let items)? = json["answer"] else {
                    throw LLMUserError.malformed(String(completion.text.prefix(200)))
                }
                let made = items.compactMap(\.scalarText).map { String($0.prefix(200)) }.filter { !$0.isEmpty }.prefix(100)
                variable.values += made.map(VariableValue.text)
                write(key, Array(made))
            }
            variable.anyPrompts = []
            result.append(variable)
        }
        return (result, calls)
    }

    private func file(_ key: String) -> String? {
        guard let cacheFolder else { return nil }
        return (cacheFolder as NSString).appendingPathComponent(String(format: "any-%016llx.json", StableHash.fnv1a(key)))
    }

    private func read(_ key: String) -> [String]? {
        guard let path = file(key), let data = FileManager.default.contents(atPath: path),
            let json = try? JSON.parse(data), json["key"]?.scalarText == key, case .array(let items)? = json["values"]
        else { return nil }
        return items.compactMap(\.scalarText)
    }

    private func write(_ key: String, _ values: [String]) {
        guard let path = file(key), let folder = cacheFolder else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let body = JSON.object(["key": .string(key), "values": .array(values.map(JSON.string))]).text
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        if FileManager.default.createFile(atPath: temporary, contents: Data(body.utf8)), rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}
