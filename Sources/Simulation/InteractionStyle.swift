/// One `interaction_style` entry: how the simulated user phrases its messages.
public enum InteractionStyle: Sendable, Hashable, CustomStringConvertible {
    case longPhrases
    case changeYourMind
    /// With probability 0.3 per message, talk in one of these languages instead of the profile's.
    case changeLanguage([String])
    case spellingMistakes
    case singleQuestion
    case allQuestions
    case plain

    /// The name a profile writes (the SENSEI spelling).
    public var description: String {
        switch self {
        case .longPhrases: return "long phrases"
        case .changeYourMind: return "change your mind"
        case .changeLanguage(let languages): return "change language: [\(languages.joined(separator: ", "))]"
        case .spellingMistakes: return "make spelling mistakes"
        case .singleQuestion: return "single question"
        case .allQuestions: return "all questions"
        case .plain: return "default"
        }
    }

    /// The instruction an LLM user is given for this style.
    var instruction: String {
        switch self {
        case .longPhrases: return "Use very long phrases."
        case .changeYourMind: return "At some point change your mind about something you asked for, then settle on the original."
        case .changeLanguage: return ""
        case .spellingMistakes: return "Make several spelling mistakes in every message."
        case .singleQuestion: return "Ask for only one thing per message."
        case .allQuestions: return "Ask for everything in one message."
        case .plain: return "Ask for one or two things per message; do not ask for everything at once."
        }
    }
}

/// The `interaction_style` list: fixed styles, or a pool from which each conversation draws 1...n (`random:`).
public struct InteractionPlan: Sendable, Hashable {
    public var fixed: [InteractionStyle]
    public var randomPool: [InteractionStyle]?

    public init(fixed: [InteractionStyle], randomPool: [InteractionStyle]? = nil) {
        self.fixed = fixed
        self.randomPool = randomPool
    }
}
