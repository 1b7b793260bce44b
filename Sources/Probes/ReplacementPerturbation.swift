import LabCore

/// ML-U6: words replaced by random words. A share p ~ U[0,1) of the words that may change (``AnswerBearingWords``:
/// never the words naming what is asked about, the question word or "I"/"my") is replaced by words drawn from a
/// built-in list of common English words. Bucket: the share really replaced, of the words that may change, in 5 % steps.
public struct ReplacementPerturbation: Perturbation {
    public var code: String { check.code }
    public let bucketMeaning = "share of the replaceable words replaced by random words, 5 % steps"
    public let check = CheckEntry.probeAnswer(
        code: "ML-U6", title: "words replaced",
        meaning: "Words replaced: after the fact, questions with a random share of their words replaced by random "
            + "common words (the words naming what is asked about are kept); histogram by share replaced.")
    public let breakdown = Breakdown(
        title: "ML-U6 by words replaced", axis: "share of replaceable words replaced",
        labels: PerturbationBuckets.fivePercentSteps)
    public let vocabulary: [String]

    public init(vocabulary: [String] = RandomWords.common) {
        self.vocabulary = vocabulary
    }

    public func apply(_ text: String, random: inout SeededRandom) -> PerturbationResult {
        let original = SentenceWords(text)
        var sentence = original
        let share = random.nextUnit()
        let positions = AnswerBearingWords.perturbable(sentence)
        let chosen = random.sample(positions, count: Int((share * Double(positions.count)).rounded()))
        var replaced = 0
        for position in chosen {
            let old = sentence.words[position]
            let word = vocabulary.filter { $0 != old.lowercased() }.randomElement(using: &random) ?? old
            sentence.words[position] = word
            if word != old { replaced += 1 }
        }
        let result = sentence.render(original: original)
        let realised = positions.isEmpty ? 0 : Double(replaced) / Double(positions.count)
        let bucket = shareBucket(realised)
        return PerturbationResult(text: result, record: [
            "share": share, "realised_share": realised, "words_replaceable": Double(positions.count),
            "words_replaced": Double(replaced), "edit_distance": Double(editDistance(text, result)),
            "bucket": Double(bucket),
        ], bucket: bucket)
    }
}
