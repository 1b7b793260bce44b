import LabCore

/// A conversation profile: who the simulated user is, what it wants, how the bot under test signals that it did not
/// understand, what to extract from each conversation, and how many conversations to hold in which style.
///
/// Read from the YAML schema of the SENSEI user simulator by ``ProfileLoader``; every field is validated there.
public struct Profile: Sendable, Hashable {
    /// `test_name`: names the report folder and the exported conversation files.
    public var testName: String
    public var llm: ProfileLLM
    public var user: SimulatedUserSpec
    public var chatbot: ChatbotSpec
    public var conversation: ConversationSpec
    /// The file it was read from (for messages and for files named relative to it).
    public var path: String

    public init(testName: String, llm: ProfileLLM, user: SimulatedUserSpec, chatbot: ChatbotSpec,
                conversation: ConversationSpec, path: String) {
        self.testName = testName
        self.llm = llm
        self.user = user
        self.chatbot = chatbot
        self.conversation = conversation
        self.path = path
    }
}

/// `llm:`: the model that speaks for the user when an LLM is configured (otherwise the template user speaks).
public struct ProfileLLM: Sendable, Hashable {
    public var model: String
    public var temperature: Double

    public static let defaultModel = "gpt-4o-mini"

    public init(model: String = Self.defaultModel, temperature: Double = 0.8) {
        self.model = model
        self.temperature = temperature
    }
}

/// `user:`: the simulated user's language, role, context and goals.
public struct SimulatedUserSpec: Sendable, Hashable {
    public var language: String
    /// The role prompt, e.g. "You are a customer ordering a pizza".
    public var role: String
    /// Context phrases: the personality's first, then the profile's own.
    public var context: [String]
    /// The personality, when the context names one.
    public var personality: Personality?
    /// The goal phrases, with `{{variable}}` placeholders still in them.
    public var goals: [String]
    /// The goal variables, in file order.
    public var variables: [GoalVariable]
    /// The `context:` value as written (for conversation records).
    public var rawContext: JSON

    public init(language: String, role: String, context: [String], personality: Personality?, goals: [String],
                variables: [GoalVariable], rawContext: JSON) {
        self.language = language
        self.role = role
        self.context = context
        self.personality = personality
        self.goals = goals
        self.variables = variables
        self.rawContext = rawContext
    }
}

/// `chatbot:`: what the simulated user knows about the bot under test.
public struct ChatbotSpec: Sendable, Hashable {
    /// The bot speaks first.
    public var isStarter: Bool
    /// The bot's "I did not understand" message.
    public var fallback: String
    /// What to extract from each conversation, in file order.
    public var outputs: [OutputSpec]

    public init(isStarter: Bool, fallback: String, outputs: [OutputSpec]) {
        self.isStarter = isStarter
        self.fallback = fallback
        self.outputs = outputs
    }
}

/// `conversation:`: how many conversations and how each one goes.
public struct ConversationSpec: Sendable, Hashable {
    public var number: ConversationNumber
    public var goalStyle: GoalStyle
    public var interaction: InteractionPlan
    /// A budget in US dollars for the whole simulation (`max_cost`), when given.
    public var maxCost: Double?
    /// A budget in US dollars per conversation (`goal_style: {max_cost: ...}`), when given.
    public var maxCostPerConversation: Double?

    public init(number: ConversationNumber, goalStyle: GoalStyle, interaction: InteractionPlan,
                maxCost: Double? = nil, maxCostPerConversation: Double? = nil) {
        self.number = number
        self.goalStyle = goalStyle
        self.interaction = interaction
        self.maxCost = maxCost
        self.maxCostPerConversation = maxCostPerConversation
    }
}
