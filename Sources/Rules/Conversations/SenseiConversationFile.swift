import LabYAML

/// Reads one SENSEI conversation file: a YAML stream of three documents (metadata; timing; the transcript under
/// `interaction`), as SENSEI's `yaml.dump_all` writes it (§3 of the description).
public enum SenseiConversationFile {
    /// The file's variables, named by its path.
    /// - Throws: ``ConfigError`` naming file:line when it is not YAML or not three documents of that shape.
    public static func read(path: String) throws -> RuleVariables {
        let text = try InputFile.text(atPath: path)
        let documents = try split(text, file: path)
        guard documents.count == 3 else {
            throw ConfigError.fileProblem(
                file: path, problem: "it holds \(documents.count) YAML document(s); a SENSEI conversation file has 3 (metadata, timing, interaction)",
                fix: "Point at SENSEI's conversation_outputs folder, or leave other YAML files out of it.")
        }
        let metadata = try documents[0].mapping("the metadata document")
        let timing = try documents[1].mapping("the timing document")
        let transcript = try documents[2].mapping("the interaction document")

        var scope = SenseiScope()
        for key in ["serial", "language", "context", "ask_about", "errors"] {
            if let value = metadata[key] { scope.values[key] = RuleValue(yaml: value) }
        }
        scope.values["total_cost"] = metadata["total_cost($)"].map { RuleValue(yaml: $0) } ?? .none
        var chosen: [(String, RuleValue)] = []
        for item in (try metadata["ask_about"]?.list()) ?? [] {
            guard let map = try? item.mapping("a goal variable") else { continue }
            for key in map.keys { chosen.append((key, map[key].map { RuleValue(yaml: $0) } ?? .none)) }
        }
        scope.addChosen(chosen)
        if let settings = metadata["conversation"] { scope.addConversationSettings(RuleValue(yaml: settings)) }
        var outputs: [(String, RuleValue)] = []
        for item in (try metadata["data_output"]?.list()) ?? [] {
            guard let map = try? item.mapping("an output") else { continue }
            for key in map.keys { outputs.append((key, map[key].map { RuleValue(yaml: $0) } ?? .none)) }
        }
        scope.addOutputs(outputs)
        for item in (try metadata["errors"]?.list()) ?? [] {
            guard let map = try? item.mapping("an error") else { continue }
            for key in map.keys { if let code = Int(key) { scope.errorCodes.insert(code) } }
        }
        scope.values["conversation_time"] = timing["conversation time"].map { RuleValue(yaml: $0) } ?? .none
        scope.values["assistant_times"] = timing["assistant response time"].map { RuleValue(yaml: $0) } ?? .list([])
        var messages: [(isUser: Bool, text: String)] = []
        for item in (try transcript["interaction"]?.list()) ?? [] {
            let map = try item.mapping("a message")
            for key in map.keys where key == "User" || key == "Assistant" {
                messages.append((key == "User", (try? map[key]?.string()).flatMap { $0 } ?? ""))
            }
        }
        scope.addInteraction(messages)
        return scope.variables(conversation: path)
    }

    /// The documents of a YAML stream, split at `---` lines; each keeps its lines' numbers in the file.
    static func split(_ text: String, file: String) throws -> [YAMLValue] {
        var documents: [YAMLValue] = []
        var current: [Substring] = []
        var startLine = 0
        var lineNumber = 0
        var sawContent = false
        func finish() throws {
            if sawContent {
                let padded = String(repeating: "\n", count: startLine) + current.joined(separator: "\n")
                documents.append(try YAMLValue.parse(padded, file: file))
            }
            current = []
            sawContent = false
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "---" || line.hasPrefix("--- ") || line == "..." {
                try finish()
                startLine = lineNumber + 1
                if line.hasPrefix("--- ") {
                    current.append(line.dropFirst(4))
                    startLine = lineNumber
                    sawContent = true
                }
            } else {
                current.append(line)
                if !line.trimmingCharacters(in: .whitespaces).isEmpty && !line.hasPrefix("#") { sawContent = true }
            }
            lineNumber += 1
        }
        try finish()
        return documents
    }
}
