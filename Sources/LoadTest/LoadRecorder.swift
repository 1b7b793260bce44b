/// Collects the messages of a run as they finish and reports progress.
actor LoadRecorder {
    private(set) var messages: [LoadMessage] = []
    private var counts: LoadProgress
    private let progress: (@Sendable (LoadProgress) -> Void)?

    init(users: Int, progress: (@Sendable (LoadProgress) -> Void)?) {
        counts = LoadProgress(users: users)
        self.progress = progress
    }

    func add(_ message: LoadMessage) {
        messages.append(message)
        counts.sent += 1
        if message.isAnswered { counts.answered += 1 } else { counts.errors += 1 }
        counts.lastLatency = message.latency
        counts.lastAnswered = message.isAnswered
        progress?(counts)
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

/// The outcome of one run: every message, in send order, and the wall time.
public struct LoadRun: Sendable {
    public var users: Int
    public var messages: [LoadMessage]
    public var seconds: Double

    public init(users: Int, messages: [LoadMessage], seconds: Double) {
        self.users = users
        self.messages = messages
        self.seconds = seconds
    }
}
