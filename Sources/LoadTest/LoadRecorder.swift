/// Collects the messages of a run as they finish: adds each to the run's tally and the message log, keeps it in
/// memory only when asked, and reports progress.
actor LoadRecorder {
    private(set) var messages: [LoadMessage] = []
    private(set) var tally: LoadTally
    private var counts: LoadProgress
    private let output: LoadOutput
    private let progress: (@Sendable (LoadProgress) -> Void)?

    init(users: Int, output: LoadOutput, progress: (@Sendable (LoadProgress) -> Void)?) {
        counts = LoadProgress(users: users)
        tally = LoadTally(maxReplyCharacters: output.maxReplyCharacters)
        self.output = output
        self.progress = progress
    }

    func add(_ message: LoadMessage) {
        tally.add(message)
        output.log?.append(message)
        if output.keepsMessages { messages.append(message) }
        counts.sent += 1
        if message.isAnswered { counts.answered += 1 } else { counts.errors += 1 }
        counts.lastLatency = message.latency
        counts.lastAnswered = message.isAnswered
        progress?(counts)
    }
}

/// Where a run's finished messages go besides its tally, and the checks the tally makes.
public struct LoadOutput: Sendable {
    /// Each message is appended here as it finishes.
    public var log: MessageLog?
    /// Whether ``LoadRun/messages`` holds every message (tests, small runs); off, a run's memory stays flat.
    public var keepsMessages: Bool
    /// The length check's limit in characters (`nil`: no check).
    public var maxReplyCharacters: Int?
    /// Scores answered replies while the run goes on (`nil`: no scoring).
    public var quality: QualityMonitor?

    public init(log: MessageLog? = nil, keepsMessages: Bool = true, maxReplyCharacters: Int? = nil,
                quality: QualityMonitor? = nil) {
        self.log = log
        self.keepsMessages = keepsMessages
        self.maxReplyCharacters = maxReplyCharacters
        self.quality = quality
    }
}

/// Counts so far, for a progress line.
public struct LoadProgress: Sendable, Hashable {
    public var users: Int
    public var sent = 0
    public var answered = 0
    public var errors = 0
    /// Seconds, of the message that finished last.
    public var lastLatency = 0.0
    /// Whether the message that finished last was answered.
    public var lastAnswered = false

    public init(users: Int) { self.users = users }
}

/// The outcome of one run: its tally, its messages in send order when they were kept, and the wall time.
public struct LoadRun: Sendable {
    public var users: Int
    public var tally: LoadTally
    /// Every message in send order, or none when the run did not keep them (see ``LoadOutput/keepsMessages``).
    public var messages: [LoadMessage]
    public var seconds: Double

    public init(users: Int, tally: LoadTally, messages: [LoadMessage], seconds: Double) {
        self.users = users
        self.tally = tally
        self.messages = messages
        self.seconds = seconds
    }

    /// A run made of these messages (for tests and re-analysis).
    public init(users: Int, messages: [LoadMessage], seconds: Double, maxReplyCharacters: Int? = nil) {
        var tally = LoadTally(maxReplyCharacters: maxReplyCharacters)
        for message in messages { tally.add(message) }
        self.init(users: users, tally: tally, messages: messages, seconds: seconds)
    }
}
