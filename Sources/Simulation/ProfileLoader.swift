import Foundation
import LabCore
import LabYAML

/// Reads a conversation profile (the SENSEI user simulator's YAML schema) into a validated ``Profile``.
///
/// Unknown keys, wrong types and impossible values are ``ConfigError``s naming file, line and column and the fix.
/// Spellings that tool's documents and versions disagree on are accepted; the unusual ones come with a warning.
public struct ProfileLoader: Sendable {
    static let topKeys = ["test_name", "llm", "user", "chatbot", "conversation"]
    static let llmKeys = ["model", "temperature", "model_prov", "format"]
    static let userKeys = ["language", "role", "context", "goals", "ask_about"]
    static let chatbotKeys = ["is_starter", "fallback", "output"]

    /// The folder searched for personality files after the profile's own folder (the current folder).
    public var workingDirectory: String

    public init(workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.workingDirectory = workingDirectory
    }

    /// Loads and validates the profile at `path`.
    public func load(path: String) throws -> LoadedProfile {
        try load(text: InputFile.text(atPath: path), path: path)
    }

    /// Validates profile text; `path` names it in messages and anchors relative file names.
    public func load(text: String, path: String) throws -> LoadedProfile {
        var warnings: [String] = []
        let root = try YAMLValue.parse(text, file: path).mapping("the profile", allowed: Self.topKeys)
        let testName = try root.required("test_name").nonEmptyString()
        let nameValue = try root.required("test_name")
        // Any readable name goes ("Pizza shop (v2)"): file and experiment names are made from it with other
        // characters replaced by '_'. Control characters and over-long names are refused.
        guard testName.count <= 200, !testName.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw nameValue.badValue("is '\(Excerpt.of(testName))', which is too long or holds control characters",
                fix: "Use a name of at most 200 printable characters.")
        }
        let llm = try readLLM(root["llm"], warnings: &warnings)
        let user = try readUser(root.required("user"), profilePath: path, warnings: &warnings)
        let chatbot = try readChatbot(root.required("chatbot"), warnings: &warnings)
        let conversation = try ConversationSpecReader.read(root.required("conversation"), warnings: &warnings)
        let profile = Profile(testName: testName, llm: llm, user: user, chatbot: chatbot, conversation: conversation,
            path: path)
        try AssignmentPlanner.checkDependencies(profile.user.variables)
        try ConversationSpecReader.checkNumber(profile, value: root.required("conversation"))
        return LoadedProfile(profile: profile, warnings: warnings)
    }

    private func readLLM(_ value: YAMLValue?, warnings: inout [String]) throws -> ProfileLLM {
        guard let map = try value?.mapping("llm", allowed: Self.llmKeys) else { return ProfileLLM() }
        if let provider = map["model_prov"] {
            warnings.append("\(provider.location): warning: model_prov '\(Excerpt.of(try provider.string()))' is "
                + "ignored: ChatLab talks to any OpenAI-compatible endpoint (set base_url and the key instead)")
        }
        if let format = map["format"] {
            let fields = try format.mapping("llm.format", allowed: ["type", "config"])
            let type = try fields["type"]?.choice(["text", "speech"]) ?? "text"
            if type == "speech" {
                throw format.badValue("asks for speech, which ChatLab does not simulate",
                    fix: "Remove 'format' or write 'format: {type: text}'.")
            }
        }
        return ProfileLLM(
            model: try map["model"]?.nonEmptyString() ?? ProfileLLM.defaultModel,
            temperature: try map["temperature"]?.double(in: 0...2) ?? 0.8)
    }

    private func readUser(_ value: YAMLValue, profilePath: String, warnings: inout [String]) throws -> SimulatedUserSpec {
        let map = try value.mapping("user", allowed: Self.userKeys)
        var language = "English"
        if let given = map["language"] {
            let name = try given.nonEmptyString()
            if let known = Languages.canonical(name) {
                language = known
            } else {
                language = name
                warnings.append("\(given.location): warning: language '\(Excerpt.of(name))' is not one ChatLab knows; "
                    + "it is passed on as written" + (Suggestion.nearest(to: name, in: Languages.names).map {
                        " (did you mean '\($0)'?)" } ?? ""))
            }
        }
        let role = try map.required("role").nonEmptyString()
        let context = try ContextReader(profilePath: profilePath, workingDirectory: workingDirectory)
            .read(map["context"], warnings: &warnings)
        let goalsValue: YAMLValue
        switch (map["goals"], map["ask_about"]) {
        case (let goals?, nil): goalsValue = goals
        case (nil, let asked?): goalsValue = asked
        case (.some, .some(let asked)):
            throw asked.badValue("repeats 'goals' under its older name", fix: "Keep only 'goals'.")
        case (nil, nil): throw ConfigError.missingKey(value.location, key: "goals", context: "user")
        }
        let goals = try GoalsReader.read(goalsValue, warnings: &warnings)
        return SimulatedUserSpec(
            language: language, role: role, context: context.phrases, personality: context.personality,
            goals: goals.phrases, variables: goals.variables, rawContext: context.raw)
    }

    private func readChatbot(_ value: YAMLValue, warnings: inout [String]) throws -> ChatbotSpec {
        let map = try value.mapping("chatbot", allowed: Self.chatbotKeys)
        var outputs: [OutputSpec] = []
        if let list = map["output"] {
            for item in try list.list() {
                let entry = try item.mapping("an output")
                guard entry.keys.count == 1, let name = entry.keys.first, let spec = entry[name] else {
                    throw item.badValue("is not one '{name: {type, description}}' entry",
                        fix: "Write e.g. '- price: {type: money, description: \"total price of the order\"}'.")
                }
                let fields = try spec.mapping("output '\(name)'", allowed: ["type", "description"])
                let typeValue = try fields.required("type")
                let type = try OutputTypeParser.parse(typeValue, warnings: &warnings)
                guard !outputs.contains(where: { $0.name == name }) else {
                    throw item.badValue("names output '\(Excerpt.of(name))' a second time", fix: "Give each output its own name.")
                }
                outputs.append(OutputSpec(name: name, type: type,
                    description: try fields["description"]?.string() ?? name.replacingOccurrences(of: "_", with: " ")))
            }
        } else {
            throw ConfigError.missingKey(value.location, key: "output", context: "chatbot")
        }
        return ChatbotSpec(
            isStarter: try map["is_starter"]?.bool() ?? true,
            fallback: try map.required("fallback").nonEmptyString(),
            outputs: outputs)
    }
}

/// A profile and what the loader noticed that is not an error.
public struct LoadedProfile: Sendable {
    public var profile: Profile
    /// `file:line:column: warning: ...` lines for the user.
    public var warnings: [String]
}
