@testable import Embeddings
import Testing

@Test func tokenIDsMatchHuggingFaceOnEveryReferenceText() throws {
    let tokenizer = try InstalledModel.model().tokenizer
    var mismatches: [String] = []
    for entry in Reference.shared.texts {
        let tokens = tokenizer.tokenize(entry.text)
        if tokens.ids != entry.ids { mismatches.append("\(entry.text.debugDescription): \(tokens.ids) vs \(entry.ids)") }
        #expect(tokens.fullCount == entry.fullTokenCount, "\(entry.text.debugDescription)")
    }
    #expect(Reference.shared.texts.count >= 50)
    #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
}

@Test func basicTokenizerFollowsBertRules() {
    let basic = BasicTokenizer()
    #expect(basic.words("Héllo, WORLD!") == ["hello", ",", "world", "!"])
    #expect(basic.words("zero\u{200B}width") == ["zerowidth"])
    #expect(basic.words("我爱you") == ["我", "爱", "you"])
    #expect(basic.words("tab\tand\u{00A0}nbsp") == ["tab", "and", "nbsp"])
    #expect(basic.words("unassigned\u{0378}") == ["unassigned\u{0378}"])
    #expect(basic.words("") == [])
}

@Test func wordPieceSplitsGreedilyAndFallsBackToUnknown() {
    let vocabulary = Vocabulary(tokens: ["[UNK]", "un", "##aff", "##able", "a"])
    let wordPiece = WordPieceTokenizer(vocabulary: vocabulary, unknownID: 0, maxCharactersPerWord: 10)
    var ids: [Int32] = []
    wordPiece.append("unaffable", to: &ids)
    #expect(ids == [1, 2, 3])
    ids = []
    wordPiece.append("unx", to: &ids)
    #expect(ids == [0])
    ids = []
    wordPiece.append("aaaaaaaaaaa", to: &ids)
    #expect(ids == [0])
}
