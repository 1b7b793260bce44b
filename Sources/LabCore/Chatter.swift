/// A participant in a conversation: a script, a person, a bot behind HTTP, an LLM...
///
/// The runner calls ``reply(to:)`` once for every turn this chatter speaks, never concurrently for the same
/// conversation. Different conversations (runs) may call it concurrently, so keep per-conversation state keyed by
/// ``ChatRequest/conversation``, or derive everything from the request.
public protocol Chatter: Sendable {
    /// Returns the next utterance given the conversation as this chatter sees it.
    ///
    /// Throw ``ChatterError/conversationOver(_:)`` to end the conversation cleanly (a person typed an empty line);
    /// any other error marks the turn as failed and the conversation goes on.
    func reply(to request: ChatRequest) async throws -> ChatReply

    /// Called once when a conversation ends, before ``endConversation(_:)``: the values this chatter chose for the
    /// conversation and what it extracted from it, for the conversation record. The default has none.
    func notes(for conversation: String) async -> ChatterNotes

    /// Called once when a conversation ends, so the chatter can close connections. The default does nothing.
    func endConversation(_ conversation: String) async
}

extension Chatter {
    public func notes(for conversation: String) async -> ChatterNotes { ChatterNotes() }
    public func endConversation(_ conversation: String) async {}
}

/// What a chatter tells the conversation record when the conversation ends.
public struct ChatterNotes: Sendable, Hashable {
    /// Values it chose for this conversation (a simulated user's goal variables...), by name.
    public var chosen: [String: JSON]
    /// Values it extracted from the conversation (an order id, a total price...), by name; `null` when missing.
    public var outputs: [String: JSON]
    /// Anything else worth keeping about how it played this conversation (a simulated user's profile name, the
    /// styles it drew, its LLM calls and cost, its own error codes), by name.
    public var details: [String: JSON]

    public init(chosen: [String: JSON] = [:], outputs: [String: JSON] = [:], details: [String: JSON] = [:]) {
        self.chosen = chosen
        self.outputs = outputs
        self.details = details
    }
}

/// What a chatter is given when it is its turn to speak.
public struct ChatRequest: Sendable, Hashable {
    /// Identifies the conversation (stable for a run of one execution of an experiment), e.g. `demo-3f9a0c12-run-3`.
    public var conversation: String
    /// Run number, starting at 1.
    public var run: Int
    /// Round number, starting at 1.
    public var round: Int
    /// The seat this chatter sits in.
    public var seat: Seat
    /// The utterances this chatter may see, oldest first, already cut to its memory window.
    public var history: [Utterance]
    /// How many turns this chatter has spoken before in this conversation (a script's position).
    public var spokenBefore: Int
    /// A seed for anything random this chatter does on this turn; derived from the run's seed.
    public var seed: UInt64
    /// The experiment's seed, for chatters that plan all runs at once (a simulated user's variable values: run k
    /// gets the k-th assignment drawn from this seed).
    public var experimentSeed: UInt64

    public init(
        conversation: String, run: Int, round: Int, seat: Seat, history: [Utterance], spokenBefore: Int, seed: UInt64,
        experimentSeed: UInt64 = 0
    ) {
        self.experimentSeed = experimentSeed
        self.conversation = conversation
        self.run = run
        self.round = round
        self.seat = seat
        self.history = history
        self.spokenBefore = spokenBefore
        self.seed = seed
    }

    /// The last thing the other chatter said, if it is visible.
    public var lastFromOther: Utterance? { history.last { $0.seat != seat } }
}

/// A chatter's answer for one turn.
public struct ChatReply: Sendable, Hashable {
    public var text: String
    /// Extra measurements for the transcript (e.g. `prompt_tokens`, `ttft`, `retries`).
    public var metrics: [String: Double]
    /// Structured data the reply carried besides its text (an intent, buttons, references...), by name; the runner
    /// copies it into ``Turn/data``. Empty when there is none.
    public var data: [String: JSON]

    public init(_ text: String, metrics: [String: Double] = [:], data: [String: JSON] = [:]) {
        self.text = text
        self.metrics = metrics
        self.data = data
    }
}

/// Errors a chatter throws.
public enum ChatterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The chatter ends the conversation on purpose; not a failure.
    case conversationOver(String)
    /// The chatter got what it came for (a simulated user's goals are all answered); not a failure.
    case goalReached(String)
    /// The chatter gives up because the other one keeps failing to understand (a simulated user after too many
    /// fallback replies in a row); the conversation ends with ``ConversationEnd/Reason/loopLimit``.
    case loopLimit(String)
    /// The chatter's request, token or cost budget is spent; the conversation ends with
    /// ``ConversationEnd/Reason/budget``.
    case budgetSpent(String)
    /// The chatter failed on this turn; the turn is marked and the conversation goes on.
    case failed(kind: String, message: String)

    public var description: String {
        switch self {
        case .conversationOver(let why): return "conversation over: \(why)"
        case .goalReached(let why): return "goal reached: \(why)"
        case .loopLimit(let why): return "loop limit: \(why)"
        case .budgetSpent(let why): return "budget spent: \(why)"
        case .failed(let kind, let message): return "\(kind): \(message)"
        }
    }
}
