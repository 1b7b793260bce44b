import LabCore

/// How a simulated user finds its next message: the offline template user, or an LLM. One file and one
/// registration (in ``SimulatedUser``'s maker) per voice.
public protocol UserVoice: Sendable {
    /// Whether its answer says which goals the bot has answered (an LLM does; the template user leaves that to
    /// ``OfflineGoalCheck``).
    var verifiesGoals: Bool { get }

    /// The next user message. `language` is the language of this message.
    func compose(_ state: inout ConversationState, profile: Profile, history: [Utterance], language: String,
                 random: inout SeededRandom) async throws -> VoiceTurn
}

/// A voice's answer for one turn.
public struct VoiceTurn: Sendable {
    public var text: String
    /// Goals the bot has answered so far, when the voice judges that.
    public var answered: Set<Int>?
    /// Outputs the voice saw in the conversation, by name (`null` when not given yet).
    public var outputs: [String: JSON]
    public var usage: SimulationUsage
    /// Set when the voice has nothing left to ask (every goal answered or given up, every output given): why the
    /// conversation ends instead of a message.
    public var finished: String?

    public init(text: String, answered: Set<Int>? = nil, outputs: [String: JSON] = [:], usage: SimulationUsage = SimulationUsage(),
                finished: String? = nil) {
        self.text = text
        self.finished = finished
        self.answered = answered
        self.outputs = outputs
        self.usage = usage
    }
}
