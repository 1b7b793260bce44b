import Foundation

/// Everything about one conversation that is not a turn: who took part and in what role, when it started and ended,
/// why it ended, the values chatters chose for it, what was extracted from it, and its failures.
///
/// Written once, as the conversation ends, to `transcripts/run-<k>.conversation.json` beside the turns; its presence
/// marks the run as complete. Report folders written before it existed have none, and load without it.
public struct ConversationRecord: Codable, Sendable, Hashable {
    /// Run number, starting at 1.
    public var run: Int
    /// The conversation's id as the chatters saw it (``ChatRequest/conversation``).
    public var conversation: String
    /// The run's seed (decimal text, since JSON numbers cannot hold every 64-bit value).
    public var seed: String
    public var participants: [Participant]
    /// When the conversation started and ended (whole seconds in the file, as ISO 8601).
    public var started: Date
    public var ended: Date
    /// How long it took, measured on a monotonic clock.
    public var seconds: Double
    public var end: ConversationEnd
    /// Rounds with at least one turn, and all turns (probes included).
    public var rounds: Int
    public var turns: Int
    /// Values chatters chose for this conversation (a simulated user's goal variables...), by name.
    public var chosen: [String: JSON]?
    /// Values extracted from the conversation when it ended (an order id, a price...), by name.
    public var outputs: [String: JSON]?
    /// What chatters noted about how they played it (see ``ChatterNotes/details``), by name.
    public var details: [String: JSON]?
    /// The turns that failed, oldest first (at most ``errorLimit``; ``errorCount`` counts them all).
    public var errors: [ConversationError]?
    public var errorCount: Int

    /// The most failures listed one by one; the count goes on.
    public static let errorLimit = 50

    public init(
        run: Int, conversation: String, seed: UInt64, participants: [Participant], started: Date, ended: Date,
        seconds: Double, end: ConversationEnd, rounds: Int, turns: Int, chosen: [String: JSON]? = nil, outputs: [String: JSON]? = nil,
        details: [String: JSON]? = nil, errors: [ConversationError] = [], errorCount: Int? = nil
    ) {
        self.run = run
        self.conversation = conversation
        self.seed = String(seed)
        self.participants = participants
        self.started = started
        self.ended = ended
        self.seconds = seconds
        self.end = end
        self.rounds = rounds
        self.turns = turns
        self.chosen = chosen.flatMap { $0.isEmpty ? nil : $0 }
        self.outputs = outputs.flatMap { $0.isEmpty ? nil : $0 }
        self.details = details.flatMap { $0.isEmpty ? nil : $0 }
        self.errors = errors.isEmpty ? nil : Array(errors.prefix(Self.errorLimit))
        self.errorCount = errorCount ?? errors.count
    }
}

/// One seat's chatter in a conversation.
public struct Participant: Codable, Sendable, Hashable {
    public var seat: Seat
    /// Its name in the config and the reports.
    public var name: String
    /// The `kind:` it was made from (`script`, `http`, `simulator`...).
    public var kind: String
    /// What it does here: `driver` (asks, injects probes), `under test`, or both.
    public var roles: [Role]

    public enum Role: String, Codable, Sendable, Hashable {
        case driver
        case underTest = "under test"
    }

    public init(seat: Seat, name: String, kind: String, roles: [Role]) {
        self.seat = seat
        self.name = name
        self.kind = kind
        self.roles = roles
    }
}

/// A failed turn, as the conversation record lists it.
public struct ConversationError: Codable, Sendable, Hashable {
    public var round: Int
    public var seat: Seat
    public var kind: String
    public var message: String

    public init(round: Int, seat: Seat, kind: String, message: String) {
        self.round = round
        self.seat = seat
        self.kind = kind
        self.message = message
    }
}
