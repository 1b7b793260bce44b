import LabCore

/// ML-U3: typos. A share p ~ U[0,1) of the words gets t ∈ 1...5 typos each; every typo inserts, deletes or replaces
/// one letter (one third each). Bucket: ⌊p₅·t·4⌋ with p snapped to 5 % steps.
public struct TypoPerturbation: Perturbation {
    public var code: String { check.code }
    public let bucketMeaning = "typo level ⌊share of words (5 % steps) × typos per word × 4⌋"
    public let check = CheckEntry.probeAnswer(
        code: "ML-U3", title: "typos",
        meaning: "Typos in the question: after the fact, questions with misspelt words (a share of the words gets 1–5 "
            + "inserted, deleted or replaced letters each); histogram by typo level.")
    public let breakdown = Breakdown(
        title: "ML-U3 by typo level", axis: "⌊share of words × typos per word × 4⌋", labels: PerturbationBuckets.counts)
    static let letters = Array("abcdefghijklmnopqrstuvwxyz")

    public init() {}

    public func apply(_ text: String, random: inout SeededRandom) -> PerturbationResult {
        let original = SentenceWords(text)
        var sentence = original
        let share = random.nextUnit()
        let typos = random.int(in: 1...5)
        let positions = sentence.wordPositions
        let chosen = random.sample(positions, count: Int((share * Double(positions.count)).rounded()))
        for position in chosen {
            for _ in 0..<typos { sentence.words[position] = typo(in: sentence.words[position], random: &random) }
        }
        let result = sentence.render(original: original)
        let changed = zip(original.words, sentence.words).filter { $0 != $1 }.count
        let bucket = min(19, Int(SeededRandom.snapped(share) * Double(typos) * 4))
        return PerturbationResult(text: result, record: [
            "share": share, "typos_per_word": Double(typos), "words_chosen": Double(chosen.count),
            "words_changed": Double(changed), "edit_distance": Double(editDistance(text, result)),
            "bucket": Double(bucket),
        ], bucket: bucket)
    }

    private func typo(in word: String, random: inout SeededRandom) -> String {
        var characters = Array(word)
        let letterPositions = characters.indices.filter { characters[$0].isLetter }
        guard let position = letterPositions.randomElement(using: &random) else { return word }
        let letter = Self.letters.randomElement(using: &random)!
        switch random.int(in: 0...2) {
        case 0:
            characters.insert(letter, at: position + random.int(in: 0...1))
        case 1 where letterPositions.count > 1:
            characters.remove(at: position)
        default:
            let current = characters[position].lowercased()
            let replacement = Self.letters.filter { String($0) != current }.randomElement(using: &random)!
            characters[position] = characters[position].isUppercase ? Character(replacement.uppercased()) : replacement
        }
        return String(characters)
    }
}

/// Levenshtein distance between two texts, by characters.
func editDistance(_ a: String, _ b: String) -> Int { EditDistance.between(a, b) }
