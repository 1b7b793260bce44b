import LabCore

/// A deterministic demo bot for load tests (kind `intents`): classifies each message by keywords into one of a few
/// help-desk intents and answers with a message, plus the intent and a list of reference links in the reply's data
/// (which `chatlab serve` sends as `{"reply": ..., "data": {"intent": ..., "references": [...]}}`).
///
/// Optional faults for load tests: a fixed artificial latency before every answer, and a share of messages (chosen by
/// a hash of the message, so the same messages fail on every run) answered with ``errorText`` instead.
public struct IntentBot: Chatter {
    /// One intent the bot knows: the words that select it, its answer and how many references it cites.
    public struct Intent: Sendable, Hashable {
        public var name: String
        public var keywords: [String]
        public var answer: String
        public var references: Int
    }

    /// The intents tried in order; the first whose keyword occurs in the message (lowercased) wins.
    public static let demoIntents: [Intent] = [
        Intent(name: "opening_hours", keywords: ["open", "hours", "close"],
               answer: "We are open from 9 to 17, Monday to Friday.", references: 1),
        Intent(name: "passport_renewal", keywords: ["passport", "renew"],
               answer: "You can renew your passport online with the form and a recent photo.", references: 2),
        Intent(name: "address_change", keywords: ["address", "move", "moving"],
               answer: "Tell us your new address in your online account within 30 days.", references: 1),
        Intent(name: "payment", keywords: ["pay", "fee", "cost", "price"],
               answer: "Fees are paid by card when you submit the form.", references: 3),
        Intent(name: "greeting", keywords: ["hello", "hi ", "good morning"],
               answer: "Hello! How can I help you today?", references: 0),
    ]

    /// The intent given when no keyword matches.
    public static let fallbackIntent = "fallback"

    public var latency: Duration
    /// Share of messages, in [0, 1], answered with ``errorText``.
    public var errorRate: Double
    public var errorText: String

    public init(latency: Duration = .zero, errorRate: Double = 0,
                errorText: String = "Sorry, an error occurred. Please try again later.") {
        self.latency = latency
        self.errorRate = errorRate
        self.errorText = errorText
    }

    public func reply(to request: ChatRequest) async throws -> ChatReply {
        if latency > .zero { try await Task.sleep(for: latency) }
        let message = request.lastFromOther?.text ?? ""
        if errorRate > 0, Self.unit(message) < errorRate { return ChatReply(errorText) }
        let lowered = message.lowercased() + " "
        guard let intent = Self.demoIntents.first(where: { $0.keywords.contains { lowered.contains($0) } }) else {
            return ChatReply("Sorry, I did not understand. Could you rephrase?",
                             data: ["intent": .string(Self.fallbackIntent), "references": .array([])])
        }
        let references = (0..<intent.references).map { JSON.string("https://help.example/\(intent.name)/\($0 + 1)") }
        return ChatReply(intent.answer, data: ["intent": .string(intent.name), "references": .array(references)])
    }

    /// A number in [0, 1) from the message's FNV-1a hash: the same message gives the same number on every run.
    static func unit(_ text: String) -> Double {
        Double(StableHash.fnv1a(text) >> 11) / Double(1 << 53)
    }
}
