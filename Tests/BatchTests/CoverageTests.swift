import Batch
import Testing
import TestSupport

/// Coverage of known texts, by keyword share and by meaning (with a deterministic stand-in encoder).
@Suite struct CoverageTests {
    @Test func keywordShareCountsWholeWordsAndPhrases() {
        let answer = "Markup is profit over cost; the selling-price view gives the margin."
        #expect(Coverage.keywordShare(answer, keywords: ["cost", "selling price", "profit"]) == 1)
        #expect(Coverage.keywordShare(answer, keywords: ["cost", "revenue"]) == 0.5)
        #expect(Coverage.keywordShare("A costume party.", keywords: ["cost"]) == 0)
        #expect(Coverage.keywordShare(answer, keywords: []) == nil)
    }

    @Test func anAnswerRestatingTheReferenceCoversItAndAnUnrelatedOneDoesNot() throws {
        let reference = "Compound interest is paid on interest already earned. The balance grows faster over time."
        let encoder = HashingEncoder()
        let full = try #require(try Coverage.byMeaning(reference, reference: reference, encoder: encoder))
        #expect(abs(full - 1) < 1e-5)
        let half = try #require(try Coverage.byMeaning(
            "Compound interest is paid on interest already earned.", reference: reference, encoder: encoder))
        #expect(half > 0.4 && half < 0.9)
        let none = try #require(try Coverage.byMeaning("Dogs bark loudly at night.", reference: reference, encoder: encoder))
        #expect(none < 0.35)
        #expect(try Coverage.byMeaning("", reference: reference, encoder: encoder) == nil)
    }
}
