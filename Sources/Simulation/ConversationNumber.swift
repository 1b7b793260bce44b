/// `conversation.number`: a count, or a share of the goal variables' combinations.
public enum ConversationNumber: Sendable, Hashable, CustomStringConvertible {
    /// Exactly this many conversations.
    case count(Int)
    /// `all_combinations` / `combinations`: one conversation per combination.
    case allCombinations
    /// `sample(p)` / `combinations(p)` / `combinations(p, forward|pairwise)`: round(p × combinations), rounding
    /// halves to even as Python does; `source` picks which combinations to count (`nil`: the larger count).
    case share(Double, source: CombinationSource?)

    public enum CombinationSource: String, Sendable, Hashable {
        case forward
        case pairwise
    }

    public var description: String {
        switch self {
        case .count(let n): return "\(n)"
        case .allCombinations: return "combinations"
        case .share(let p, let source): return "combinations(\(p)\(source.map { ", \($0.rawValue)" } ?? ""))"
        }
    }
}
