import LabCore

/// ML-U5: words left out. A share p ~ U[0,1) of the words is removed (at least one word is kept). Bucket: p in 5 %
/// steps.
public struct OmissionPerturbation: Perturbation {
    public var code: String { check.code }
    public let bucketMeaning = "share of words left out, 5 % steps"
    public let check = CheckEntry.probeAnswer(
        code: "ML-U5", title: "words left out",
        meaning: "Words left out: after the fact, questions with a random share of their words removed; histogram by "
            + "share left out.")
    public let breakdown = Breakdown(
        title: "ML-U5 by words left out", axis: "share of words left out", labels: PerturbationBuckets.fivePercentSteps)

    public init() {}

    public func apply(_ text: String, random: inout SeededRandom) -> PerturbationResult {
        let original = SentenceWords(text)
        var sentence = original
        let share = random.nextUnit()
        let count = sentence.words.count
        let removeCount = min(max(0, count - 1), Int((share * Double(count)).rounded()))
        let removed = Set(random.sample(Array(sentence.words.indices), count: removeCount))
        sentence.words = sentence.words.indices.filter { !removed.contains($0) }.map { sentence.words[$0] }
        let result = sentence.render(original: original)
        let bucket = shareBucket(share)
        return PerturbationResult(text: result, record: [
            "share": share, "words_removed": Double(removed.count), "edit_distance": Double(editDistance(text, result)),
            "bucket": Double(bucket),
        ], bucket: bucket)
    }
}
