/// The full uncased BERT tokenizer: ``BasicTokenizer``, then ``WordPieceTokenizer``, wrapped in `[CLS]` ... `[SEP]`
/// and cut to a maximum length the way Hugging Face truncates (the end of the text is dropped, `[SEP]` kept).
public struct BertTokenizer: Sendable {
    /// A tokenized text.
    public struct Tokens: Sendable, Equatable {
        /// The ids the model sees, `[CLS]` and `[SEP]` included.
        public var ids: [Int32]
        /// How many ids the whole text needs, `[CLS]` and `[SEP]` included.
        public var fullCount: Int

        public var wasTruncated: Bool { fullCount > ids.count }
    }

    public let basic = BasicTokenizer()
    public let wordPiece: WordPieceTokenizer
    public let classifierID: Int32
    public let separatorID: Int32
    /// The longest sequence, `[CLS]` and `[SEP]` included.
    public let maxTokens: Int

    public init(vocabulary: Vocabulary, maxTokens: Int, path: String = "vocab.txt") throws {
        wordPiece = WordPieceTokenizer(vocabulary: vocabulary, unknownID: try vocabulary.requiredID("[UNK]", path: path))
        classifierID = try vocabulary.requiredID("[CLS]", path: path)
        separatorID = try vocabulary.requiredID("[SEP]", path: path)
        precondition(maxTokens >= 2, "maxTokens must leave room for [CLS] and [SEP]")
        self.maxTokens = maxTokens
    }

    /// Reads `vocab.txt` and builds the tokenizer.
    public init(vocabularyPath: String, maxTokens: Int) throws {
        try self.init(vocabulary: try Vocabulary(contentsOf: vocabularyPath), maxTokens: maxTokens, path: vocabularyPath)
    }

    /// Tokenizes `text` into at most ``maxTokens`` ids.
    public func tokenize(_ text: String) -> Tokens {
        var ids: [Int32] = [classifierID]
        for word in basic.words(text) { wordPiece.append(word, to: &ids) }
        let fullCount = ids.count + 1
        if ids.count > maxTokens - 1 { ids.removeLast(ids.count - (maxTokens - 1)) }
        ids.append(separatorID)
        return Tokens(ids: ids, fullCount: fullCount)
    }
}
