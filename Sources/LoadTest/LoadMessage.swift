/// What happened to one message of a load test.
public struct LoadMessage: Sendable, Hashable, Codable {
    /// Position in send order, from 0.
    public var index: Int
    /// The virtual user (connection) that sent it, from 0.
    public var user: Int
    /// The prompt's position in the prompt list.
    public var prompt: Int
    public var expectedIntent: String?
    public var expectedReferences: Int?
    /// Seconds from the start of the run to when the message was meant to go (open loop: its slot in the schedule;
    /// closed loop: when it was sent).
    public var intended: Double
    /// Seconds from the start of the run to when it was actually sent.
    public var sent: Double
    /// Seconds from ``intended`` to the complete reply or the failure: includes any wait for a free connection.
    public var latency: Double
    /// Seconds from sending to the first streamed token (the chatter's `ttft`, e.g. a streaming `openai` chatter);
    /// `nil` when the reply was not streamed.
    public var firstToken: Double?
    /// Bytes of the reply text (UTF-8); 0 for a failure.
    public var replyBytes: Int
    /// Characters of the reply text (for the length check); 0 for a failure.
    public var replyCharacters = 0
    /// The reply's intent and number of references, read from the reply's data.
    public var intent: String?
    public var references: Int?
    /// `nil` for an answer; else its class (see ``ErrorClass``).
    public var error: String?
    /// The failure's message or the start of the reply text, bounded.
    public var detail: String

    public var isAnswered: Bool { error == nil }

    public init(index: Int, user: Int, prompt: Int, expectedIntent: String?, expectedReferences: Int?, intended: Double,
                sent: Double, latency: Double, replyBytes: Int, intent: String?, references: Int?, error: String?,
                detail: String) {
        self.index = index
        self.user = user
        self.prompt = prompt
        self.expectedIntent = expectedIntent
        self.expectedReferences = expectedReferences
        self.intended = intended
        self.sent = sent
        self.latency = latency
        self.replyBytes = replyBytes
        self.intent = intent
        self.references = references
        self.error = error
        self.detail = detail
    }
}
