import LabCore

/// A batch evaluation: which providers' models answer which questions, how fast they may be asked, what a batch may
/// spend, and how often it runs. Read from a matrix file by ``MatrixLoader``.
public struct BatchMatrix: Sendable, Hashable {
    /// Names the plan in the history (batches of one matrix are compared with each other).
    public var name: String
    /// Decides the order answers are asked in (the same seed, the same order).
    public var seed: UInt64
    public var providers: [Provider]
    public var questions: [Question]
    /// Each batch asks this many of the questions, a window that moves on by as many with every schedule slot
    /// (over the seeded order), so consecutive slots cover all questions; `nil`: every question in every batch.
    public var questionsPerBatch: Int?
    public var request: RequestSettings
    public var budget: BatchBudget
    public var schedule: ScheduleSettings?
    /// The history database, relative to the working directory (`--db` overrides it).
    public var database: String?

    public init(name: String, seed: UInt64, providers: [Provider], questions: [Question],
                request: RequestSettings = RequestSettings(), budget: BatchBudget = BatchBudget(),
                schedule: ScheduleSettings? = nil, database: String? = nil) {
        self.name = name
        self.seed = seed
        self.providers = providers
        self.questions = questions
        self.request = request
        self.budget = budget
        self.schedule = schedule
        self.database = database
    }

    /// How many answers one batch asks for: each of its questions to every model of every provider.
    public var answersPerBatch: Int { providers.reduce(0) { $0 + $1.models.count } * questionsAskedPerBatch }

    /// The questions one batch asks: ``questionsPerBatch`` (at most all of them) or all.
    public var questionsAskedPerBatch: Int { min(questionsPerBatch ?? questions.count, questions.count) }

    /// One OpenAI-compatible API and the models asked through it.
    public struct Provider: Sendable, Hashable {
        /// The name in the history (`openai`, `local`).
        public var name: String
        /// The API root, e.g. `https://api.openai.com/v1`.
        public var baseURL: String
        /// The environment variable holding the API key; `nil` for a server without keys.
        public var keyVariable: String?
        public var models: [Model]
        /// Requests of this provider in flight at once.
        public var concurrency: Int
        /// The most requests per second to this provider (`nil`: unlimited).
        public var rate: Double?

        public init(name: String, baseURL: String, keyVariable: String? = nil, models: [Model], concurrency: Int = 1,
                    rate: Double? = nil) {
            self.name = name
            self.baseURL = baseURL
            self.keyVariable = keyVariable
            self.models = models
            self.concurrency = concurrency
            self.rate = rate
        }
    }

    /// A model as the provider names it, with its price when known.
    public struct Model: Sendable, Hashable {
        public var name: String
        public var price: TokenPrice?

        public init(name: String, price: TokenPrice? = nil) {
            self.name = name
            self.price = price
        }
    }

    /// How each question is asked.
    public struct RequestSettings: Sendable, Hashable {
        /// Stream the answer (server-sent events), which measures the time to the first token.
        public var stream = true
        public var system: String?
        public var temperature: Double?
        public var maxTokens: Int?
        /// The most seconds for one answer.
        public var timeout: Double = 60
        /// Retries of 429, 5xx and connection failures.
        public var retries = 2

        public init() {}
    }
}
