import LabCore

/// ML-A6: stuttering and repetition inside one reply.
///
/// Tokens are the reply split on white space; n is their number. For every n-gram order i from 2 to n−1, m_i is how
/// often the most frequent i-gram occurs; the stutter value is Σ (m_i − 1)·i / n. A reply fails above the threshold
/// (default 0.33). "I have I have I have a cat." scores 1.375; "yes yes yes yes" 1.75.
public struct StutterScorer: Scorer {
    /// The default threshold.
    public static let defaultThreshold = 0.33
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
            let value = Self.stutter(turn.text)
            values.append(value)
            let worst = Self.mostRepeated(turn.text)
            cells[turn.index] = ScoreCell(
                verdict: value > limit ? .fail : .pass, score: value,
                interpretation: worst.map { "'\($0.gram)' ×\($0.count)" })
        }
        return ScoreResult(cells: cells, statistics: Statistics.meanAndMax(values))
    }

    public func pooledStatistics(_ results: [ScoreResult]) -> [Statistic] {
        Statistics.meanAndMax(results.flatMap(\.scores))
    }

    /// The stutter value of a text.
    public static func stutter(_ text: String) -> Double {
        let tokens = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let n = tokens.count
        guard n > 2 else { return 0 }
        var sum = 0
        for order in 2..<n {
            let top = ngramCounts(tokens, order).values.max() ?? 1
            sum += (top - 1) * order
        }
        return Double(sum) / Double(n)
    }

    /// The longest n-gram that repeats most, for the interpretation column.
    static func mostRepeated(_ text: String) -> (gram: String, count: Int)? {
        let tokens = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard tokens.count > 2 else { return nil }
        var best: (gram: String, count: Int, order: Int)?
        for order in 2..<tokens.count {
            let counts = ngramCounts(tokens, order)
            guard let top = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), top.value > 1 else { continue }
            if best == nil || top.value * order >= best!.count * best!.order {
                best = (top.key, top.value, order)
            }
        }
        return best.map { ($0.gram, $0.count) }
    }

    private static func ngramCounts(_ tokens: [String], _ order: Int) -> [String: Int] {
        var counts: [String: Int] = [:]
        for start in 0...(tokens.count - order) {
            counts[tokens[start..<(start + order)].joined(separator: " "), default: 0] += 1
        }
        return counts
    }
}
