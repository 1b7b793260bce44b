/// Greedy longest-match-first WordPiece over a ``Vocabulary``: a word becomes its longest prefix in the vocabulary,
/// then `##`-prefixed continuations; a word that cannot be covered, or is longer than `maxCharactersPerWord`
/// characters, becomes the unknown token.
public struct WordPieceTokenizer: Sendable {
    public let vocabulary: Vocabulary
    public let unknownID: Int32
    public let maxCharactersPerWord: Int

    public init(vocabulary: Vocabulary, unknownID: Int32, maxCharactersPerWord: Int = 100) {
        self.vocabulary = vocabulary
        self.unknownID = unknownID
        self.maxCharactersPerWord = maxCharactersPerWord
    }

    /// Appends the ids of `word`'s pieces to `ids`.
    public func append(_ word: String, to ids: inout [Int32]) {
        if let whole = vocabulary.id(word) {
            ids.append(whole)
            return
        }
        let scalars = Array(word.unicodeScalars)
        guard scalars.count <= maxCharactersPerWord else {
            ids.append(unknownID)
            return
        }
        var pieces: [Int32] = []
        var start = 0
        while start < scalars.count {
            var end = scalars.count
            var found: Int32?
            while start < end {
                var piece = start > 0 ? "##" : ""
                piece.unicodeScalars.append(contentsOf: scalars[start..<end])
                if let id = vocabulary.id(piece) {
                    found = id
                    break
                }
                end -= 1
            }
            guard let id = found else {
                ids.append(unknownID)
                return
            }
            pieces.append(id)
            start = end
        }
        ids.append(contentsOf: pieces)
    }
}
