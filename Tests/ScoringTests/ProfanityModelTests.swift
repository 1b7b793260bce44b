import Foundation
import Scoring
import Testing
import TestSupport

private struct Reference: Decodable {
    struct Item: Decodable {
        var text: String
        var probability: Double
    }
    var items: [Item]
}

@Test func profanityModelReproducesThePackageProbabilities() throws {
    try ProfanityModelFile.ensureInstalled()
    let model = try ProfanityModel.load(path: ProfanityModelFile.path)
    let url = Python.repositoryRoot.appendingPathComponent("Tests/Fixtures/profanity/reference.json")
    let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    #expect(reference.items.count >= 60)
    var worst = 0.0
    for item in reference.items {
        let difference = abs(model.probability(item.text) - item.probability)
        worst = max(worst, difference)
        #expect(difference <= 1e-9, "\(item.text): ours \(model.probability(item.text)), theirs \(item.probability)")
    }
    #expect(worst <= 1e-9, "worst difference \(worst)")
}

@Test func wordTokenizerFollowsPythonsRegex() {
    #expect(WordTokenizer.tokens("Hello, WORLD! a b_c x2 don't", lowercase: true) == ["hello", "world", "b_c", "x2", "don"])
    #expect(WordTokenizer.tokens("a e\u{301}x caf\u{e9}", lowercase: true) == ["caf\u{e9}"])
    #expect(WordTokenizer.tokens("ΣΟΦΟΣ", lowercase: true) == ["σοφος"])
    #expect(WordTokenizer.tokens("١٢٣ x² ½", lowercase: false) == ["١٢٣", "x²"])
}

@Test func aMissingModelNamesTheInstallCommand() {
    #expect {
        try ProfanityModel.load(path: "/nonexistent/profanity/model.json")
    } throws: { error in
        "\(error)".contains("scripts/install_models.sh")
    }
}
