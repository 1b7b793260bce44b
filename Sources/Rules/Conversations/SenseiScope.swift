/// Builds a conversation's variables the way SENSEI's `Test.to_dict()` does (§5.3 of the description), from the
/// parts of its conversation file or of a ChatLab conversation record:
/// - each chosen goal variable by name, in its stored shape (a list, or a scalar for nested forward and pairwise);
/// - each `conversation` entry as `conversation_<key>` and as bare `<key>`, nested maps recursing
///   (`conversation_goal_style_all_answered_limit` and `limit`);
/// - each output as bare `<name>` and `data_output_<name>`, and `data_output` itself (a list of one-key dicts);
/// - `interaction` (a list of `{'User': text}` / `{'Assistant': text}`), `chatbot_phrases`, `user_phrases`;
/// - `conv`: a one-element list holding all of the above as a record.
struct SenseiScope {
    var values: [String: RuleValue] = [:]
    var errorCodes: Set<Int> = []

    /// Goal variables with their chosen values.
    mutating func addChosen(_ chosen: [(String, RuleValue)]) {
        for (name, value) in chosen { values[name] = value }
    }

    /// The `conversation` settings: a list of one-key maps (SENSEI's files) or a map (ChatLab's records).
    mutating func addConversationSettings(_ settings: RuleValue) {
        var entries: [(String, RuleValue)] = []
        switch settings {
        case .list(let items):
            for case .dict(let dict) in items { entries += zip(dict.keys, dict.values).map { ($0.text, $1) } }
        case .dict(let dict):
            entries = zip(dict.keys, dict.values).map { ($0.text, $1) }
        default:
            return
        }
        for (key, value) in entries { flatten(key, value, prefix: "conversation") }
    }

    private mutating func flatten(_ key: String, _ value: RuleValue, prefix: String, depth: Int = 0) {
        let full = "\(prefix)_\(key)"
        values[full] = value
        values[key] = value
        guard depth < 8, case .dict(let dict) = value else { return }
        for (inner, innerValue) in zip(dict.keys, dict.values) {
            flatten(inner.text, innerValue, prefix: full, depth: depth + 1)
        }
    }

    /// The outputs, in order, `nil`-valued ones as `None`.
    mutating func addOutputs(_ outputs: [(String, RuleValue)]) {
        values["data_output"] = .list(outputs.map { .dict(RuleDict([($0.0, $0.1)])) })
        for (name, value) in outputs {
            values[name] = value
            values["data_output_\(name)"] = value
        }
    }

    /// The transcript as `(isUser, text)` messages.
    mutating func addInteraction(_ messages: [(isUser: Bool, text: String)]) {
        values["interaction"] = .list(messages.map { .dict(RuleDict([($0.isUser ? "User" : "Assistant", .string($0.text))])) })
        values["user_phrases"] = .list(messages.filter(\.isUser).map { .string($0.text) })
        values["chatbot_phrases"] = .list(messages.filter { !$0.isUser }.map { .string($0.text) })
    }

    /// The finished variables, `conv` included.
    func variables(conversation: String) -> RuleVariables {
        var all = values
        all["conv"] = .list([.record(RuleRecord(values))])
        return RuleVariables(conversation: conversation, values: all, errorCodes: errorCodes)
    }
}
