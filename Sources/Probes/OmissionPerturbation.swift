import LabCore

/// ML-U5: words left out. A share p ~ U[0,1) of the words that may go (``AnswerBearingWords``: never the words
/// naming what is asked about, the question word or "I"/"my") is removed. Bucket: the share really removed, of the
/// words that may go, in 5 % steps.
public struct OmissionPerturbation: Perturbation {
    public var code: String { check.code }
    public let bucketMeaning = "share of the removable words left out, 5 % steps"
    public let check = CheckEntry.probeAnswer(
        code: "ML-U5", title: "words left out",
        meaning: "Words left out: after the fact, questions with a random share of their words removed (the words "
            + "naming what is asked about are kept); histogram by share left out.")
    public let breakdown = Breakdown(
        title: "ML-U5 by words left out", axis: "share of removable words left out",
        labels: PerturbationBuckets.fivePercentSteps)

    public init() {}

    public func apply(_ text: String, random: inout SeededRandom) -> PerturbationResult {
        let original = SentenceWords(text)
        var sentence = original
        let share = random.nextUnit()
        let removable = AnswerBearingWords.perturbable(sentence)
        let removeCount = Int((share * Double(removable.count)).rounded())
        let removed = Set(random.sample(removable, count: removeCount))
        sentence.words = sentence.words.indices.filter { !removed.contains($0) }.map { sentence.words[$0] }
        let result = sentence.render(original: original)
        let realised = removable.isEmpty ? 0 : Double(removed.count) / Double(removable.count)
        let bucket = shareBucket(realised)
        return PerturbationResult(text: result, record: [
            "share": share, "realised_share": realised, "words_removable": Double(removable.count),
            "words_removed": Double(removed.count), "edit_distance": Double(editDistance(text, result)),
            "bucket": Double(bucket),
        ], bucket: bucket)
    }
}
