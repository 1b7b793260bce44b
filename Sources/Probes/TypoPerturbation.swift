import LabCore

/// ML-U3: typos. A share p ~ U[0,1) of the words gets t ∈ 1...5 typos each; every typo inserts, deletes or replaces
/// one letter (one third each). The words a person needs to answer (``AnswerBearingWords``) stay readable: at most
/// one typo each, none in words under four letters. Bucket: the realised level ⌊typos made / words · 4⌋.
public struct TypoPerturbation: Perturbation {
    public var code: String { check.code }
    public let bucketMeaning = "typo level ⌊typos made per word × 4⌋"
    public let check = CheckEntry.probeAnswer(
        code: "ML-U3", title: "typos",
        meaning: "Typos in the question: after the fact, questions with misspelt words (a share of the words gets 1–5 "
            + "inserted, deleted or replaced letters each, the words naming what is asked about at most one); "
            + "histogram by typo level.")
    public let breakdown = Breakdown(
        title: "ML-U3 by typo level", axis: "⌊typos made per word × 4⌋", labels: PerturbationBuckets.counts)
    static let letters = Array("abcdefghijklmnopqrstuvwxyz")

    public init() {}

    public func apply(_ text: String, random: inout SeededRandom) -> PerturbationResult {
        let original = SentenceWords(text)
        var sentence = original
        let share = random.nextUnit()
        let typos = random.int(in: 1...5)
        let positions = sentence.wordPositions
        let chosen = random.sample(positions, count: Int((share * Double(positions.count)).rounded()))
        let kept = AnswerBearingWords.kept(sentence)
        var made = 0
        for position in chosen {
            let letters = sentence.words[position].filter(\.isLetter).count
            let allowed = kept.contains(position) ? (letters >= 4 ? 1 : 0) : typos
            for _ in 0..<allowed { sentence.words[position] = typo(in: sentence.words[position], random: &random) }
            made += allowed
        }
        let result = sentence.render(original: original)
        let changed = zip(original.words, sentence.words).filter { $0 != $1 }.count
        let bucket = positions.isEmpty ? 0 : min(19, Int(Double(made) / Double(positions.count) * 4))
        return PerturbationResult(text: result, record: [
            "share": share, "typos_per_word": Double(typos), "words_chosen": Double(chosen.count),
            "typos_made": Double(made), "words_changed": Double(changed),
            "edit_distance": Double(editDistance(text, result)), "bucket": Double(bucket),
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
