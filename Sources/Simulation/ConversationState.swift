import LabCore

/// What a simulated user remembers during one conversation.
public struct ConversationState: Sendable {
    public var setup: ConversationSetup
    /// The seat the simulated user sits in.
    public var seat: Seat
    /// The bot's messages so far, oldest first.
    public var botMessages: [String] = []
    /// Whether the bot's next message is new to it: true at the start (a bot that speaks first) and after each
    /// message it sent; false after reading one, so a bot message seen again (its own turn failed) counts once.
    var awaitingReply = true
    /// Goals not yet asked for, in the order they will be asked (goals the bot kept failing move to the end).
    public var queue: [Int]
    /// The goals of its last message.
    public var lastAsked: [Int] = []
    public var answered: Set<Int> = []
    /// Fallback replies in a row (reset after 3 by a change of topic) and in a row overall (for the loop limit).
    public var fallbackRun = 0
    public var loopCount = 0
    public var fallbacks = 0
    public var userTurns = 0
    /// 0: not yet; 1: changed its mind last message, must take it back; 2: done.
    var mindPhase = 0
    var variant = 0
    /// How often the template user asked again for each goal the bot's answer missed.
    var repeats: [Int: Int] = [:]
    /// Outputs an LLM user saw in the conversation, by name.
    public var reportedOutputs: [String: JSON] = [:]
    public var usage = SimulationUsage()
    /// The language of each user message.
    public var languages: [String] = []
    /// SENSEI error codes with messages (1000 loop limit, 1001 goals left, 2000 / 2001 budgets).
    public var codes: [(code: Int, message: String)] = []

    init(setup: ConversationSetup, seat: Seat) {
        self.setup = setup
        self.seat = seat
        queue = Array(setup.goals.indices)
    }
}

/// LLM calls a simulated user made, with tokens and cost.
public struct SimulationUsage: Sendable, Hashable {
    public var calls = 0
    public var promptTokens = 0
    public var completionTokens = 0
    /// US dollars, when a price is known.
    public var cost: Double?

    public init() {}

    mutating func add(_ other: SimulationUsage) {
        calls += other.calls
        promptTokens += other.promptTokens
        completionTokens += other.completionTokens
        if let extra = other.cost { cost = (cost ?? 0) + extra }
    }

    var json: JSON {
        var object: [String: JSON] = [
            "calls": .number(Double(calls)), "prompt_tokens": .number(Double(promptTokens)),
            "completion_tokens": .number(Double(completionTokens)),
        ]
        object["cost"] = cost.map { .number($0) } ?? .null
        return .object(object)
    }
}
