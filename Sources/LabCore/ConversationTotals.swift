/// What the summaries pool from the conversation records: how many conversations ended for each reason, and the
/// seconds they took together. Added to run by run, so no step holds every record.
public struct ConversationTotals: Sendable, Hashable {
    /// Conversations by end reason (`rounds_done`, `chatter_ended`...).
    public var ends: [ConversationEnd.Reason: Int] = [:]
    /// The first end seen for each reason, with its seat and detail ("error_limit: by chatter2: 5 failed turns in a
    /// row"), for messages.
    public var firstEnds: [ConversationEnd.Reason: ConversationEnd] = [:]
    /// Seconds of every conversation with a known duration, added up.
    public var seconds: Double = 0
    /// Conversations with a known duration.
    public var timed = 0

    public init() {}

    /// Counts a run: its record's end reason and duration, or for a folder without records only the duration its
    /// experiment record kept (if any).
    public mutating func add(_ record: ConversationRecord?, legacySeconds: Double? = nil) {
        if let record {
            ends[record.end.reason, default: 0] += 1
            if firstEnds[record.end.reason] == nil { firstEnds[record.end.reason] = record.end }
        }
        if let seconds = record?.seconds ?? legacySeconds {
            self.seconds += seconds
            timed += 1
        }
    }
}
