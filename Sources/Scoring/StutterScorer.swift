import LabCore

/// ML-A6: stuttering and repetition inside one reply.
///
/// Tokens are the reply split on white space; n is their number. For every n-gram order i from 2 to n−1, m_i is how
/// often the most frequent i-gram occurs; the stutter value is Σ (m_i − 1)·i / n. A reply fails above the threshold
/// (default 0.33). "I have I have I have a cat." scores 1.375; "yes yes yes yes" 1.75.
///
/// Cost: O(n log² n) (see ``NGramRepeats``), and n is bounded: a reply longer than ``maxWords`` words is scored on its
/// first ``maxWords`` words, and its note says so, so a hostile reply cannot stall the analysis.
public struct StutterScorer: Scorer {
    /// The default threshold.
    public static let defaultThreshold = 0.33
    /// The most words of one reply scored; the rest is left out (and the cell's note says so).
    public static let maxWords = 10_000
    /// The catalogue entry of ML-A6.
    public static let check = CheckEntry(
        code: "ML-A6", title: "stutter",
        meaning: "Stuttering: the reply repeats words or phrases (n-gram stutter value Σ (mᵢ − 1)·i / n; "
            + "\"I have I have I have a cat.\" = 1.375).",
        unit: "stutter value (0 for no repetition)", threshold: .failsAbove(defaultThreshold))

    public var code: String { Self.check.code }
    public var title: String { Self.check.title }
    /// A reply whose stutter value is above this fails.
    public var limit: Double

    public init(threshold: Double = defaultThreshold) {
        self.limit = threshold
    }

    public var threshold: CheckThreshold? { .failsAbove(limit) }

    public func score(_ input: ScorerInput) -> ScoreResult {
        var cells: [Int: ScoreCell] = [:]
        var values: [Double] = []
        for turn in input.replies {
            guard turn.error == nil else {
                cells[turn.index] = ScoreCell(verdict: .skipped, interpretation: "no reply")
                continue
            }
            let words = Self.words(turn.text)
            let scored = NGramRepeats(Array(words.prefix(Self.maxWords)))
            let value = Self.stutter(scored)
            values.append(value)
            let worst = Self.mostRepeated(scored).map { "'\($0.gram)' ×\($0.count)" }
            let cut = words.count > Self.maxWords
                ? "scored on the first \(Self.maxWords) of \(words.count) words" : nil
            cells[turn.index] = ScoreCell(
                verdict: value > limit ? .fail : .pass, score: value,
                interpretation: [worst, cut].compactMap { $0 }.joined(separator: "; ").nilIfEmpty)
        }
        return ScoreResult(cells: cells, statistics: Statistics.meanAndMax(values))
    }

    public func pooledStatistics(_ results: [ScoreResult]) -> [Statistic] {
        Statistics.meanAndMax(results.flatMap(\.scores))
    }

    /// The stutter value of a text (all of it; the scorer itself stops at ``maxWords``).
    public static func stutter(_ text: String) -> Double {
        stutter(NGramRepeats(words(text)))
    }

    /// The longest n-gram that repeats most, for the interpretation column.
    static func mostRepeated(_ text: String) -> (gram: String, count: Int)? {
        mostRepeated(NGramRepeats(words(text)))
    }

    /// The reply split on white space.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    private static func stutter(_ repeats: NGramRepeats) -> Double {
        let n = repeats.words.count
        guard n > 2 else { return 0 }
        var sum = 0
        for order in 2..<n { sum += (repeats.topCount(order: order) - 1) * order }
        return Double(sum) / Double(n)
    }

    /// Of the orders whose top n-gram repeats, the one with the largest count × order (the longer on a tie), and of
    /// its n-grams with that count the first in string order.
    private static func mostRepeated(_ repeats: NGramRepeats) -> (gram: String, count: Int)? {
        let n = repeats.words.count
        guard n > 2 else { return nil }
        var best: (count: Int, order: Int)?
        for order in 2..<n {
            let count = repeats.topCount(order: order)
            guard count > 1 else { continue }
            if best == nil || count * order >= best!.count * best!.order { best = (count, order) }
        }
        guard let best, let gram = repeats.grams(order: best.order, count: best.count).min() else { return nil }
        return (gram, best.count)
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
