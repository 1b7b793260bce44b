/// One text's encoding with what it cost: the vector, the tokens the model saw, and whether the text was cut.
public struct TextEncoding: Sendable, Equatable {
    /// The unit vector.
    public var vector: [Float]
    /// Tokens the model saw, `[CLS]` and `[SEP]` included (at most ``MiniLMEncoder/maxTokens``).
    public var tokenCount: Int
    /// Tokens the whole text would have needed, `[CLS]` and `[SEP]` included.
    public var fullTokenCount: Int

    /// True when the text was longer than the model's window and only its beginning was encoded.
    public var wasTruncated: Bool { fullTokenCount > tokenCount }

    public init(vector: [Float], tokenCount: Int, fullTokenCount: Int) {
        self.vector = vector
        self.tokenCount = tokenCount
        self.fullTokenCount = fullTokenCount
    }
}
