/// Helpers that read the conversation being checked: `length`, `conversation_length`, `chatbot_returns`,
/// `data_collected`, `missing_slots` (SENSEI's wrappers close over `interaction` and `data_output`; these read the
/// same variables from the rule's scope).
enum ConversationHelpers {
    static let helpers: [RuleHelper] = [
        RuleHelper(
            "length", ["text", "kind"], required: 1,
            "Character length of a text, or of a list of texts with kind='min' (default), 'max' or 'average' (a true mean)."
        ) { context, values in
            let texts = try strings(values[0]!, "length")
            try context.evaluator.step(texts.count)
            let lengths = texts.map { $0.unicodeScalars.count }
            let kind = try values[1].map { value -> String in
                guard case .string(let kind) = value, ["min", "max", "average"].contains(kind) else {
                    throw RuleEvaluationError.value("length() kind must be 'min', 'max' or 'average', not \(value.repr)")
                }
                return kind
            } ?? "min"
            guard !lengths.isEmpty else { return .int(0) }
            switch kind {
            case "max": return .int(lengths.max()!)
            case "average": return .double(Double(lengths.reduce(0, +)) / Double(lengths.count))
            default: return .int(lengths.min()!)
            }
        },
        RuleHelper(
            "conversation_length", ["who"], required: 0,
            "Messages in the conversation: who='both' (default), 'user', or 'assistant' (alias 'chatbot')."
        ) { context, values in
            let who = try values[0].map { value -> String in
                guard case .string(let who) = value, ["both", "user", "assistant", "chatbot"].contains(who.lowercased()) else {
                    throw RuleEvaluationError.value("conversation_length() who must be 'both', 'user' or 'assistant', not \(value.repr)")
                }
                return who.lowercased()
            } ?? "both"
            switch who {
            case "user": return .int(try phrases(context, "user_phrases").count)
            case "assistant", "chatbot": return .int(try phrases(context, "chatbot_phrases").count)
            default: return .int(try phrases(context, "user_phrases").count + phrases(context, "chatbot_phrases").count)
            }
        },
        RuleHelper(
            "chatbot_returns", ["what", "and_not"], required: 1,
            "Indices (0-based, among the bot's messages) of bot messages containing `what` and, when given, not "
                + "`and_not` after it; an empty list is falsy."
        ) { context, values in
            guard case .string(let what) = values[0]! else { throw RuleEvaluationError.type("chatbot_returns() what must be a string") }
            var andNot: String?
            if let value = values[1], value != .none {
                guard case .string(let text) = value else { throw RuleEvaluationError.type("chatbot_returns() and_not must be a string") }
                andNot = text
            }
            let messages = try phrases(context, "chatbot_phrases")
            try context.evaluator.step(messages.count)
            var found: [RuleValue] = []
            for (index, message) in messages.enumerated() {
                guard let range = message.range(of: what) else { continue }
                if let andNot, message[range.upperBound...].contains(andNot) { continue }
                found.append(.int(index))
            }
            return .list(found)
        },
        RuleHelper("data_collected", [], required: 0, "True when every output variable has a value (none is None or 'None').") {
            context, _ in
            .bool(try outputs(context).allSatisfy { !isMissing($0.value) })
        },
        RuleHelper("missing_slots", [], required: 0, "The names of the output variables with no value, in order.") { context, _ in
            .list(try outputs(context).filter { isMissing($0.value) }.map { .string($0.name) })
        },
    ]

    /// A text or a list of texts, as a list.
    static func strings(_ value: RuleValue, _ function: String) throws -> [String] {
        switch value {
        case .string(let text): return [text]
        case .list(let items):
            return try items.map { item in
                guard case .string(let text) = item else {
                    throw RuleEvaluationError.type("\(function)() expects texts, found '\(item.typeName)'")
                }
                return text
            }
        default: throw RuleEvaluationError.type("\(function)() expects a text or a list of texts, not '\(value.typeName)'")
        }
    }

    /// `user_phrases` or `chatbot_phrases` of the conversation in scope.
    static func phrases(_ context: CallContext, _ name: String) throws -> [String] {
        guard let value = context.variable(name) else {
            throw RuleEvaluationError.value("this helper needs the conversation's '\(name)', which is not in scope here")
        }
        return try strings(value, name)
    }

    /// The output variables (`data_output`: a list of one-key dicts) by name, in order.
    private static func outputs(_ context: CallContext) throws -> [(name: String, value: RuleValue)] {
        guard case .list(let items) = context.variable("data_output") ?? .list([]) else {
            throw RuleEvaluationError.type("data_output is not a list")
        }
        var result: [(String, RuleValue)] = []
        for item in items {
            if case .dict(let dict) = item {
                for (key, value) in zip(dict.keys, dict.values) { result.append((key.text, value)) }
            }
        }
        return result
    }

    private static func isMissing(_ value: RuleValue) -> Bool {
        if case .none = value { return true }
        if case .string(let text) = value { return text == "None" }
        return false
    }
}
