import LabCore

/// How much of the conversation a chatter is shown on its turn.
public enum MemoryWindow: Sendable, Hashable, CustomStringConvertible {
    /// The whole conversation.
    case all
    /// The last N utterances.
    case utterances(Int)
    /// The most recent utterances that together hold at most N tokens (white-space separated words); the latest
    /// utterance is always shown, even when it alone is longer.
    case tokens(Int)

    /// The visible part of `history` (oldest first).
    public func visible(_ history: [Utterance]) -> [Utterance] {
        switch self {
        case .all:
            return history
        case .utterances(let count):
            return Array(history.suffix(count))
        case .tokens(let budget):
            var used = 0
            var start = history.count
            while start > 0 {
                let cost = Self.tokenCount(history[start - 1].text)
                if start < history.count, used + cost > budget { break }
                used += cost
                start -= 1
            }
            return Array(history[start...])
        }
    }

    static func tokenCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).count
    }

    public var description: String {
        switch self {
        case .all: return "all"
        case .utterances(let n): return "last \(n) utterances"
        case .tokens(let n): return "last \(n) tokens"
        }
    }
}
