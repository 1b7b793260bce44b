/// One utterance in a transcript, with everything measured about it.
///
/// Turns are appended to `transcripts/run-<k>.jsonl` the moment they happen, one JSON object a line.
public struct Turn: Codable, Sendable, Hashable {
    /// Run number, starting at 1.
    public var run: Int
    /// Round number, starting at 1. A round is one utterance of each chatter.
    public var round: Int
    /// Position of this turn in the whole conversation, starting at 1.
    public var index: Int
    /// Who spoke.
    public var seat: Seat
    /// What was said; empty when the chatter failed.
    public var text: String
    /// How many earlier utterances the speaker was shown (its memory window).
    public var saw: Int
    /// Seconds the chatter took to answer; `nil` for injected probe text.
    public var latency: Double?
    /// Set when the chatter failed on this turn; the run goes on.
    public var error: TurnError?
    /// Set when the runner injected a probe on this turn instead of asking the chatter.
    public var probe: ProbeMark?
    /// Extra numbers a chatter reported (tokens, time to first token, retries...).
    public var metrics: [String: Double]?
    /// Structured data the reply carried (see ``ChatReply/data``). Never empty: setting an empty mapping stores `nil`,
    /// and `nil` is left out of the transcript line, so turns without data are written as before.
    public var data: [String: JSON]? {
        didSet { if data?.isEmpty == true { data = nil } }
    }

    public init(
        run: Int, round: Int, index: Int, seat: Seat, text: String, saw: Int,
        latency: Double? = nil, error: TurnError? = nil, probe: ProbeMark? = nil, metrics: [String: Double]? = nil,
        data: [String: JSON]? = nil
    ) {
        self.run = run
        self.round = round
        self.index = index
        self.seat = seat
        self.text = text
        self.saw = saw
        self.latency = latency
        self.error = error
        self.probe = probe
        self.metrics = metrics
        self.data = data?.isEmpty == true ? nil : data
    }

    /// True when the chatter produced text (no error, not injected).
    public var isReply: Bool { error == nil && probe == nil }
}

/// Why a chatter produced no utterance on a turn.
public struct TurnError: Codable, Sendable, Hashable, CustomStringConvertible {
    /// A short machine-readable kind: `timeout`, `http`, `malformed`, `failed`...
    public var kind: String
    /// A sentence for people.
    public var message: String

    public init(kind: String, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(kind): \(message)" }
}
