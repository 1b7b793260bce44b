import LabCore
/// An open-answer judge that adds a meaning check, with any ``TextEncoder``, to ``OpenAnswerJudge``.
///
/// Contract:
/// - Closed questions go to ``ClosedAnswerJudge``; items without an expectation are skipped.
/// - When the lexical judge finds an accepted answer in the reply (cleanly stated or not) or finds a non-answer, its
///   judgment stands: the lexical checks for denial, alternatives and near misses are not second-guessed.
/// - Otherwise every candidate span of the reply and every accepted answer are encoded; the highest cosine similarity
///   between a span and an answer is the score, and the verdict passes iff it is at least ``threshold``.
///   ``Judgment/extracted`` is the best span.
/// - If the encoder throws or returns the wrong number of vectors, the lexical judgment stands.
///
/// Not the default judge: embeddings alone confuse "John" with "Johan"; use it once a real encoder is available.
public struct SemanticAnswerJudge: AnswerJudge {
    public var encoder: any TextEncoder
    /// Cosine similarity at or above which a span counts as the expected answer.
    public var threshold: Double
    public var lexical: OpenAnswerJudge
    public var closed: ClosedAnswerJudge

    public init(
        encoder: any TextEncoder, threshold: Double = 0.6, lexical: OpenAnswerJudge = OpenAnswerJudge(),
        closed: ClosedAnswerJudge = ClosedAnswerJudge()
    ) {
        self.encoder = encoder
        self.threshold = threshold
        self.lexical = lexical
        self.closed = closed
    }

    public func judge(_ item: JudgeItem) -> Judgment {
        guard case .text(let answer, let aliases) = item.expected else { return closed.judge(item) }
        let accepted = [answer] + aliases
        let analysis = lexical.analyze(reply: item.reply, question: item.question, accepted: accepted)
        guard !analysis.foundExpected, analysis.outcome != .nonAnswer, !analysis.candidates.isEmpty,
            let vectors = try? encoder.encode(analysis.candidates + accepted),
            vectors.count == analysis.candidates.count + accepted.count
        else { return analysis.judgment }
        let spans = vectors.prefix(analysis.candidates.count)
        let answers = vectors.suffix(accepted.count)
        var best = (score: -1.0, span: "")
        for (span, vector) in zip(analysis.candidates, spans) {
            for answerVector in answers {
                let score = Self.cosine(vector, answerVector)
                if score > best.score { best = (score, span) }
            }
        }
        return Judgment(verdict: best.score >= threshold ? .pass : .fail, score: best.score, extracted: best.span)
    }

    /// Cosine similarity of two vectors; 0 when either is zero.
    public static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        var dot = 0.0
        var normA = 0.0
        var normB = 0.0
        for (x, y) in zip(a, b) {
            dot += Double(x) * Double(y)
            normA += Double(x) * Double(x)
            normB += Double(y) * Double(y)
        }
        guard normA > 0, normB > 0 else { return 0 }
        return dot / (normA.squareRoot() * normB.squareRoot())
    }
}
