/// One question of a batch, with what a good answer covers.
public struct Question: Sendable, Hashable {
    /// Unique in the matrix (`retail-03`); the history keys answers by it.
    public var id: String
    public var text: String
    /// The question set it came from (`retail`), for per-industry trends.
    public var industry: String
    /// Text a complete answer covers (coverage by meaning).
    public var reference: String?
    /// Words or phrases a complete answer names (coverage by keyword share).
    public var keywords: [String]
    /// The answer the lab's answer judge compares the reply with.
    public var expected: String?

    public init(id: String, text: String, industry: String, reference: String? = nil, keywords: [String] = [],
                expected: String? = nil) {
        self.id = id
        self.text = text
        self.industry = industry
        self.reference = reference
        self.keywords = keywords
        self.expected = expected
    }
}
