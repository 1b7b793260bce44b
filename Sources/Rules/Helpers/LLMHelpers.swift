/// The LLM-backed helpers, asked through the ``RuleJudge`` passed in (temperature 0, cached). With no judge,
/// `language` and `responds_in_same_language` use the offline identifier (``LanguageGuess``); the others give the
/// outcome "not evaluated: no LLM configured".
enum LLMHelpers {
    static let helpers: [RuleHelper] = [
        RuleHelper(
            "language", ["text"], required: 1, llm: true,
            "The language of a text (or texts): ENG, ESP, FR, GER, IT, POR or OTHER (offline stop-word identifier "
                + "when no LLM is configured; the LLM may also answer CHI or JAP)."
        ) { context, values in
            let text = try ConversationHelpers.strings(values[0]!, "language").joined(separator: "\n")
            guard let judge = context.evaluator.environment.judge else { return .string(LanguageGuess.code(text)) }
            let answer = try judge.answer(
                system: "Identify the language of the user's text. Answer with exactly one code: ENG, ESP, FR, GER, IT, POR, CHI, JAP or OTHER.",
                prompt: text)
            return .string(answer.trimmingCharacters(in: .whitespacesAndNewlines).uppercased())
        },
        RuleHelper(
            "tone", ["text"], required: 1, llm: true,
            "LLM: one label per text, POSITIVE, NEGATIVE or NEUTRAL (a list)."
        ) { context, values in
            let texts = try ConversationHelpers.strings(values[0]!, "tone")
            let judge = try judge(context, "tone")
            return .list(try texts.map { text in
                let answer = try judge.answer(
                    system: "Classify the tone of the user's text. Answer with exactly one word: POSITIVE, NEGATIVE or NEUTRAL.",
                    prompt: text)
                return .string(answer.trimmingCharacters(in: .whitespacesAndNewlines).uppercased())
            })
        },
        RuleHelper(
            "only_talks_about", ["topics", "fallback"], required: 1, llm: true,
            "LLM: True when every bot message is about the topics (or is the fallback), else the text naming the "
                + "out-of-scope messages."
        ) { context, values in
            let topics = try ConversationHelpers.strings(values[0]!, "only_talks_about")
            let fallback = values[1].flatMap { $0 == .none ? nil : $0.text }
            let messages = try ConversationHelpers.phrases(context, "chatbot_phrases")
            let judge = try judge(context, "only_talks_about")
            let numbered = messages.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
            let answer = try judge.answer(
                system: "You check that a chatbot stays on topic. Allowed topics: \(topics.joined(separator: "; "))."
                    + (fallback.map { " The fallback message \"\($0)\" is always allowed." } ?? "")
                    + " Answer YES if every numbered message is on topic; otherwise answer NO followed by the out-of-scope messages.",
                prompt: numbered)
            let trimmed = answer.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.uppercased().hasPrefix("YES") { return .bool(true) }
            return .string("The following chatbot responses are out of scope: " + trimmed.dropFirst(trimmed.uppercased().hasPrefix("NO") ? 2 : 0).trimmingCharacters(in: .whitespaces))
        },
        RuleHelper(
            "semantic_content", ["text", "description"], required: 2, llm: true,
            "LLM: True when the text semantically contains the description (a fact such as opening hours)."
        ) { context, values in
            let judge = try judge(context, "semantic_content")
            let answer = try judge.answer(
                system: "Answer YES if the text states the described content (same meaning, any wording); otherwise answer NO.",
                prompt: "Text: \(values[0]!.text)\nDescription: \(values[1]!.text)")
            return .bool(answer.trimmingCharacters(in: .whitespacesAndNewlines).uppercased().hasPrefix("YES"))
        },
        RuleHelper(
            "responds_in_same_language", [], required: 0, llm: true,
            "True when each bot reply is in the language of the user message before it (offline identifier when no "
                + "LLM is configured; replies starting \"Error: The server\" are left out)."
        ) { context, _ in
            let pairs = try exchanges(context)
            guard let judge = context.evaluator.environment.judge else {
                return .bool(pairs.allSatisfy { LanguageGuess.code($0.user) == LanguageGuess.code($0.bot) || LanguageGuess.code($0.user) == "OTHER" })
            }
            let transcript = pairs.map { "User: \($0.user)\nAssistant: \($0.bot)" }.joined(separator: "\n")
            let answer = try judge.answer(
                system: "Answer YES if the assistant always answers in the language the user wrote in; otherwise answer NO.",
                prompt: transcript)
            return .bool(answer.trimmingCharacters(in: .whitespacesAndNewlines).uppercased().hasPrefix("YES"))
        },
        RuleHelper(
            "utterance_index", ["who", "what"], required: 2, llm: true,
            "LLM: the 1-based index of the first message in which `who` (user or assistant) talks about `what`; -1 if none."
        ) { context, values in
            let judge = try judge(context, "utterance_index")
            guard case .list(let interaction) = context.variable("interaction") ?? .list([]) else { return .int(-1) }
            let numbered = interaction.enumerated().map { "\($0.offset + 1). \($0.element.repr)" }.joined(separator: "\n")
            let answer = try judge.answer(
                system: "Give the number of the first message in which the \(values[0]!.text) talks about: \(values[1]!.text). "
                    + "Answer with the number only, or -1 if there is none.",
                prompt: numbered)
            return .int(Int(answer.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1)
        },
    ]

    private static func judge(_ context: CallContext, _ function: String) throws -> any RuleJudge {
        guard let judge = context.evaluator.environment.judge else {
            throw RuleEvaluationError.notEvaluated("no LLM configured (\(function) needs one)")
        }
        return judge
    }

    /// Each user message with the bot reply after it.
    private static func exchanges(_ context: CallContext) throws -> [(user: String, bot: String)] {
        guard case .list(let interaction) = context.variable("interaction") ?? .list([]) else { return [] }
        var pairs: [(String, String)] = []
        var lastUser: String?
        for item in interaction {
            guard case .dict(let message) = item else { continue }
            if let user = message[.string("User")] { lastUser = user.text }
            if let bot = message[.string("Assistant")], let user = lastUser, !bot.text.hasPrefix("Error: The server") {
                pairs.append((user, bot.text))
            }
        }
        return pairs
    }
}
