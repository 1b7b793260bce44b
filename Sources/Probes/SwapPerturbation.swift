import LabCore

/// ML-U4: word order. n = round((words − 1)·U[0,1)) swaps of adjacent words at random places (swaps may cancel out;
/// the record says how many words really moved). Bucket: n.
public struct SwapPerturbation: Perturbation {
    public var code: String { check.code }
    public let bucketMeaning = "number of adjacent-word swaps"
    public let check = CheckEntry.probeAnswer(
        code: "ML-U4", title: "word order",
        meaning: "Word order: after the fact, questions with adjacent words swapped at random places; histogram by "
            + "number of swaps.")
    public let breakdown = Breakdown(
        title: "ML-U4 by swaps", axis: "adjacent-word swaps", labels: PerturbationBuckets.counts)

    public init() {}

    public func apply(_ text: String, random: inout SeededRandom) -> PerturbationResult {
        let original = SentenceWords(text)
        var sentence = original
        let count = sentence.words.count
        let swaps = count < 2 ? 0 : Int((Double(count - 1) * random.nextUnit()).rounded())
        for _ in 0..<swaps {
            let position = random.int(in: 0...(count - 2))
            sentence.words.swapAt(position, position + 1)
        }
        let moved = zip(original.words, sentence.words).filter { $0 != $1 }.count
        let bucket = min(19, swaps)
        let result = sentence.render(original: original)
        return PerturbationResult(text: result, record: [
            "swaps": Double(swaps), "words_moved": Double(moved), "edit_distance": Double(editDistance(text, result)),
            "bucket": Double(bucket),
        ], bucket: bucket)
    }
}
