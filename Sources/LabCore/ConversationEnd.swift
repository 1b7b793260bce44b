/// Why a conversation ended.
public struct ConversationEnd: Codable, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: String, Codable, Sendable, Hashable, CaseIterable {
        /// Every round of the experiment was played.
        case roundsDone = "rounds_done"
        /// A chatter ended it on purpose (a script ran out of lines, a person typed an empty line).
        case chatterEnded = "chatter_ended"
        /// A chatter reached what it came for (a simulated user's goals were all answered).
        case goalReached = "goal_reached"
        /// Failures reached the experiment's limit (`on_error: end_conversation`, or too many in a row).
        case errorLimit = "error_limit"
        /// A request, token or cost budget ran out.
        case budget
        /// A chatter gave up after the other kept failing to understand it (too many fallback replies in a row).
        case loopLimit = "loop_limit"
    }

    public var reason: Reason
    /// Which seat ended it, when one did.
    public var seat: Seat?
    /// In the words of whoever ended it, e.g. "the script has no more lines".
    public var detail: String?

    public init(_ reason: Reason, seat: Seat? = nil, detail: String? = nil) {
        self.reason = reason
        self.seat = seat
        self.detail = detail
    }

    public var description: String {
        [reason.rawValue, seat.map { "by \($0)" }, detail].compactMap { $0 }.joined(separator: ": ")
    }
}
