/// What a reply to a yes/no question says: yes, no, or nothing clear.
public enum ClosedAnswer: String, Sendable, Hashable, Codable, CaseIterable {
    case yes
    case no
    /// A non-answer ("I don't know", "not sure", "yes and no", a question back, small talk). Always fails.
    case unknown
}
