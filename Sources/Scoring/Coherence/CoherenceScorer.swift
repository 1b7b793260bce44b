import LabCore

/// ML-I2 and ML-I3: does a reply fit what came before it? Whether it follows the utterance it answers
/// (``ReplyFollows``), and otherwise the cosine similarity of sentence embeddings.
///
/// With ``Method/follows`` (the default) a reply the dialogue-act rules decide on passes or fails by them (a direct
/// answer or a responsive non-answer passes, a riff on a word of the question fails) and the rest by similarity;
/// with ``Method/cosine`` by similarity alone. The score is always the similarity.
///
/// ML-I3 (`relevance`) compares each reply with the last utterance before it, the one it answers. ML-I2
/// (`coherence`) compares it with the conversation before it: the most recent utterances that together hold at most
/// `tokenBudget` white-space tokens, always including the last one (the prototype left out the last two). A reply
/// fails below the threshold. Nothing before the reply, or an encoder failure, makes the cell skipped.
public struct CoherenceScorer: Scorer {
    /// How the verdict is reached.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// Dialogue-act rules first, similarity for what they leave undecided.
        case follows
        /// Similarity only.
        case cosine
    }

    public enum Scope: Sendable, Hashable {
        /// ML-I3: the last utterance.
        case lastUtterance
        /// ML-I2: the conversation up to a token budget.
        case context(tokenBudget: Int)
    }

    /// The default threshold of both scopes.
    public static let defaultThreshold = 0.2
    /// The catalogue entry of ML-I2.
    public static let coherenceCheck = CheckEntry(
        code: "ML-I2", title: "coherence",
        meaning: "Coherence with the conversation so far: whether the reply follows the last utterance (a direct "
            + "answer or a responsive non-answer does, a riff on a word of the question does not), otherwise the "
            + "reply's sentence-embedding similarity to the most recent utterances within a token budget (default "
            + "200), the last one included.",
        unit: "cosine similarity (−1…1)", threshold: .failsBelow(defaultThreshold))
    /// The catalogue entry of ML-I3.
    public static let relevanceCheck = CheckEntry(
        code: "ML-I3", title: "relevance",
        meaning: "Relevance to the last utterance: whether the reply follows it (a direct answer or a responsive "
            + "non-answer does, a riff on a word of the question does not), otherwise the reply's sentence-embedding "
            + "similarity to it.",
        unit: "cosine similarity (−1…1)", threshold: .failsBelow(defaultThreshold))

    public let scope: Scope
    public let encoder: any TextEncoder
    /// A reply whose similarity is below this fails (unless the rules decide).
    public let limit: Double
    public let method: Method
    public let rules: ReplyFollows

    public init(scope: Scope, encoder: any TextEncoder, threshold: Double = defaultThreshold, method: Method = .follows) {
        self.scope = scope
        self.encoder = encoder
        self.limit = threshold
        self.method = method
        rules = ReplyFollows()
    }

    /// The verdict on a reply: by the rules when they decide (``Method/follows``), else by `similarity`; and the
    /// reason, when the rules gave it.
    public func verdict(reply: String, lastUtterance: String, similarity: Double) -> (pass: Bool, reason: String?) {
        if method == .follows {
            switch rules.decide(reply: reply, answering: lastUtterance) {
            case .follows(let reason): return (true, "follows: \(reason)")
            case .strays(let reason): return (false, "does not follow: \(reason)")
            case .undecided: break
            }
        }
        return (similarity >= limit, nil)
    }

    /// The catalogue entry of this scope.
    public var check: CheckEntry {
        switch scope {
        case .lastUtterance: return Self.relevanceCheck
        case .context: return Self.coherenceCheck
        }
    }

    public var code: String { check.code }
    public var title: String { check.title }
    public var threshold: CheckThreshold? { .failsBelow(limit) }

    /// Runs on a thread of its own (``BlockingWork``): the judge may wait for a sentence encoder or a server.
    public func score(_ input: ScorerInput) async -> ScoreResult {
        await BlockingWork.run { scoreBlocking(input) }
    }

    /// Scores on the calling thread, blocking it while an encoder or server answers.
    func scoreBlocking(_ input: ScorerInput) -> ScoreResult {
        var cells: [Int: ScoreCell] = [:]
        var pairs: [(index: Int, reply: String, context: String, last: String)] = []
        for turn in input.replies {
            guard turn.error == nil else {
                cells[turn.index] = ScoreCell(verdict: .skipped, interpretation: "no reply")
                continue
            }
            let earlier = input.transcript.turns.filter { $0.index < turn.index && $0.error == nil && !$0.text.isEmpty }
            guard let context = context(before: earlier.map(\.text)) else {
                cells[turn.index] = ScoreCell(verdict: .skipped, interpretation: "nothing said before")
                continue
            }
            pairs.append((turn.index, turn.text, context, earlier.last?.text ?? ""))
        }
        if !pairs.isEmpty {
            do {
                let similarities = try Self.similarities(pairs.map { ($0.reply, $0.context) }, encoder: encoder)
                for (pair, similarity) in zip(pairs, similarities) {
                    let (pass, reason) = verdict(reply: pair.reply, lastUtterance: pair.last, similarity: similarity)
                    let measured = "similarity \(Statistics.short(similarity)) to \(describe(pair.context))"
                    cells[pair.index] = ScoreCell(
                        verdict: pass ? .pass : .fail, score: similarity,
                        interpretation: reason.map { "\($0) · \(measured)" } ?? measured)
                }
            } catch {
                for pair in pairs { cells[pair.index] = ScoreCell(verdict: .skipped, interpretation: "encoder: \(error)") }
            }
        }
        return ScoreResult(cells: cells, statistics: Statistics.meanAndMax(cells.values.compactMap(\.score)))
    }

    public func pooledStatistics(_ results: [ScoreResult]) -> [Statistic] {
        Statistics.meanAndMax(results.flatMap(\.scores))
    }

    /// The text a reply is compared with, from the utterances before it (oldest first); nil when there are none.
    public func context(before utterances: [String]) -> String? {
        guard let last = utterances.last else { return nil }
        switch scope {
        case .lastUtterance:
            return last
        case .context(let budget):
            var chosen = [last]
            var tokens = Self.tokenCount(last)
            for utterance in utterances.dropLast().reversed() {
                let count = Self.tokenCount(utterance)
                guard tokens + count <= budget else { break }
                chosen.insert(utterance, at: 0)
                tokens += count
            }
            return chosen.joined(separator: "\n")
        }
    }

    /// Cosine similarities of (reply, context) pairs, encoding every distinct text once.
    public static func similarities(_ pairs: [(String, String)], encoder: any TextEncoder) throws -> [Double] {
        var texts: [String] = []
        var position: [String: Int] = [:]
        for text in pairs.flatMap({ [$0.0, $0.1] }) where position[text] == nil {
            position[text] = texts.count
            texts.append(text)
        }
        let vectors = try encoder.encode(texts)
        guard vectors.count == texts.count else { throw TextEncoderMismatch(expected: texts.count, got: vectors.count) }
        return pairs.map { pair in
            let a = vectors[position[pair.0]!]
            let b = vectors[position[pair.1]!]
            return Double(zip(a, b).reduce(Float(0)) { $0 + $1.0 * $1.1 })
        }
    }

    static func tokenCount(_ text: String) -> Int { text.split(whereSeparator: \.isWhitespace).count }

    private func describe(_ context: String) -> String {
        if case .lastUtterance = scope { return "the last utterance" }
        let count = context.split(separator: "\n").count
        return "the last \(count) utterance\(count == 1 ? "" : "s")"
    }
}

/// An encoder returned the wrong number of vectors.
struct TextEncoderMismatch: Error, CustomStringConvertible {
    var expected: Int
    var got: Int
    var description: String { "the encoder returned \(got) vectors for \(expected) texts" }
}
