import Foundation
import LabCore
import LLM

/// The simulated user spoken by an LLM: **one** structured call per user message returns the message, which goals
/// the bot has answered so far, and the outputs the bot has given so far. (The SENSEI tool makes one call for the
/// message and another for goal verification per turn, and one per output at the end.)
public struct LLMUser: UserVoice {
    public let verifiesGoals = true
    public var client: OpenAIClient
    /// What the model costs per million tokens; `nil` leaves the cost unknown (tokens are still counted).
    public var price: TokenPrice?

    public init(client: OpenAIClient, price: TokenPrice? = nil) {
        self.client = client
        self.price = price
    }

    public func compose(_ state: inout ConversationState, profile: Profile, history: [Utterance], language: String,
                        random: inout SeededRandom) async throws -> VoiceTurn {
        var request = ChatCompletionRequest(
            model: profile.llm.model,
            messages: [
                .init(role: "system", content: Self.instructions(state: state, profile: profile, language: language)),
                .init(role: "user", content: Self.transcript(history, user: state.seat)),
            ],
            temperature: profile.llm.temperature, seed: Int(truncatingIfNeeded: random.next() >> 1))
        request.jsonSchema = ("user_turn", Self.schema(profile))
        let completion = try await client.complete(request, seed: random.next())
        var usage = SimulationUsage()
        usage.calls = 1
        if let tokens = completion.usage {
            usage.promptTokens = tokens.prompt
            usage.completionTokens = tokens.completion
            usage.cost = price?.cost(prompt: Double(tokens.prompt), completion: Double(tokens.completion))
        }
        guard let answer = try? JSON.parse(Data(completion.text.utf8)), case .string(let message)? = answer["message"] else {
            throw LLMUserError.malformed(String(completion.text.prefix(200)))
        }
        var answered: Set<Int> = []
        if case .array(let items)? = answer["answered"] {
            for case .number(let n) in items where n >= 1 && n <= Double(state.setup.goals.count) { answered.insert(Int(n) - 1) }
        }
        var outputs: [String: JSON] = [:]
        for spec in profile.chatbot.outputs {
            guard let raw = answer["outputs"]?[spec.name]?.scalarText, !raw.isEmpty, raw.lowercased() != "null",
                raw.lowercased() != "none" else { continue }
            outputs[spec.name] = OutputExtractor().value(of: spec.type, in: raw, cues: [])
                ?? (spec.type == .string ? .string(raw) : nil)
        }
        return VoiceTurn(text: message, answered: answered, outputs: outputs, usage: usage)
    }

    static func instructions(state: ConversationState, profile: Profile, language: String) -> String {
        var lines = [profile.user.role]
        if !profile.user.context.isEmpty { lines.append(profile.user.context.joined(separator: " ")) }
        let styles = state.setup.styles.map(\.instruction).filter { !$0.isEmpty }
        if !styles.isEmpty { lines.append(styles.joined(separator: " ")) }
        lines.append("Your goals, numbered:")
        for (i, goal) in state.setup.goals.enumerated() { lines.append("\(i + 1). \(goal)") }
        lines.append("""
            You are a user testing a chatbot (the assistant). Write only your next message, as the user, with no \
            preamble and no 'User:' prefix. Never act as the assistant. React to what the assistant just said. Do not \
            end the conversation before every goal is answered; unusual values are fine.
            """)
        if state.fallbackRun >= 3 {
            lines.append("The assistant is not understanding you: change the topic to another goal, without starting a new conversation.")
        } else if state.fallbackRun > 0 {
            lines.append("The assistant did not understand: repeat your last request in other words.")
        }
        lines.append("Please, talk in \(language).")
        lines.append("In 'answered', list the numbers of the goals the assistant has answered, confirmed or provided so far.")
        if !profile.chatbot.outputs.isEmpty {
            lines.append("In 'outputs', give each value only if the assistant stated it; otherwise null:")
            for spec in profile.chatbot.outputs { lines.append("- \(spec.name) (\(spec.type)): \(spec.description)") }
        }
        return lines.joined(separator: "\n")
    }

    static func transcript(_ history: [Utterance], user: Seat) -> String {
        guard !history.isEmpty else { return "The conversation has not started: write the first message." }
        let lines = history.map { ($0.seat == user ? "User: " : "Assistant: ") + $0.text }
        return "History of the conversation so far:\n" + lines.joined(separator: "\n")
    }

    static func schema(_ profile: Profile) -> JSON {
        var outputs: [String: JSON] = [:]
        for spec in profile.chatbot.outputs {
            outputs[spec.name] = .object(["type": .array([.string("string"), .string("null")]),
                "description": .string(spec.description)])
        }
        return .object([
            "type": .string("object"),
            "additionalProperties": .bool(false),
            "required": .array([.string("message"), .string("answered"), .string("outputs")]),
            "properties": .object([
                "message": .object(["type": .string("string")]),
                "answered": .object(["type": .string("array"), "items": .object(["type": .string("integer")])]),
                "outputs": .object([
                    "type": .string("object"), "additionalProperties": .bool(false),
                    "required": .array(profile.chatbot.outputs.map { .string($0.name) }),
                    "properties": .object(outputs),
                ]),
            ]),
        ])
    }
}

/// An LLM user's answer that cannot be used.
public enum LLMUserError: Error, Sendable, CustomStringConvertible {
    case malformed(String)

    public var description: String {
        switch self {
        case .malformed(let text): return "the LLM's answer is not the JSON object asked for: \(text)"
        }
    }
}
