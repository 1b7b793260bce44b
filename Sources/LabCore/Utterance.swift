/// Something said in a conversation, as a chatter sees it.
public struct Utterance: Codable, Sendable, Hashable {
    /// Who said it.
    public var seat: Seat
    /// What was said.
    public var text: String

    public init(seat: Seat, text: String) {
        self.seat = seat
        self.text = text
    }
}
