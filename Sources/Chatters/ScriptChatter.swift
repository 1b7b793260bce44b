import LabCore

/// Says a predefined list of utterances, one per turn, in order (the prototype's "predefined" chatter).
public struct ScriptChatter: Chatter {
    /// What happens after the last line.
    public enum WhenExhausted: String, Sendable, CaseIterable {
        /// Start again from the first line.
        case cycle
        /// Keep saying the last line.
        case repeatLast = "repeat_last"
        /// End the conversation.
        case end
    }

    public let lines: [String]
    public let whenExhausted: WhenExhausted

    public init(lines: [String], whenExhausted: WhenExhausted = .cycle) {
        precondition(!lines.isEmpty, "a script needs at least one line")
        self.lines = lines
        self.whenExhausted = whenExhausted
    }

    public func reply(to request: ChatRequest) async throws -> ChatReply {
        let position = request.spokenBefore
        if position < lines.count { return ChatReply(lines[position]) }
        switch whenExhausted {
        case .cycle: return ChatReply(lines[position % lines.count])
        case .repeatLast: return ChatReply(lines[lines.count - 1])
        case .end: throw ChatterError.conversationOver("the script has no more lines")
        }
    }
}
