/// ML-I13: does a chatter answer the same question about itself consistently?
///
/// Contract:
/// - The first reply to a question is the reference: its judgment is ``Verdict/skipped`` (never counted as a pass).
/// - Closed questions: each later reply passes iff ``ClosedAnswerJudge`` classifies it as the same yes/no as the
///   reference; unknown on either side fails.
/// - Open questions: the key content of each reply is extracted — numbers and names (capitalised words not opening a
///   sentence) when there are any, otherwise the content words (no stopwords, no words of the question) — and
///   normalised (``TextTokens``). A later reply passes iff the smaller of the two keys is contained in the other's
///   content: "I'm Ava" and "My name is Ava, nice to meet you" agree; "I am 3" and "I'm three" agree; "I'm 25" and
///   "I'm 26" do not. A reply without key content fails.
/// - ``Judgment/score`` is the Jaccard overlap of the two keys (open) or 1/0 (closed); ``Judgment/extracted`` shows the
///   later reply's key and the reference's.
public struct ConsistencyJudge: Sendable {
    public var closed: ClosedAnswerJudge

    public init(closed: ClosedAnswerJudge = ClosedAnswerJudge()) {
        self.closed = closed
    }

    /// Judges all replies to one question in order: the first is the reference (skipped), the others are compared
    /// with it.
    public func judge(question: String, isClosed: Bool, replies: [String]) -> [Judgment] {
        guard let reference = replies.first else { return [] }
        let key = isClosed ? closed.classify(reference, question: question).rawValue : describe(Self.key(reference, question: question))
        return [Judgment(verdict: .skipped, extracted: "\(key) (reference)")]
            + replies.dropFirst().map { compare(question: question, isClosed: isClosed, reference: reference, reply: $0) }
    }

    /// Compares one later reply with the reference reply.
    public func compare(question: String, isClosed: Bool, reference: String, reply: String) -> Judgment {
        if isClosed {
            let first = closed.classify(reference, question: question)
            let later = closed.classify(reply, question: question)
            let same = first == later && first != .unknown
            return Judgment(verdict: same ? .pass : .fail, score: same ? 1 : 0, extracted: "\(later.rawValue) (reference: \(first.rawValue))")
        }
        let first = Self.key(reference, question: question)
        let later = Self.key(reply, question: question)
        let extracted = "\(describe(later)) (reference: \(describe(first)))"
        guard !first.isEmpty, !later.isEmpty else { return Judgment(verdict: .fail, score: 0, extracted: extracted) }
        let overlap = Double(Set(first).intersection(later).count) / Double(Set(first).union(later).count)
        let (small, otherText) = first.count <= later.count ? (first, reply) : (later, reference)
        let other = Set(Self.content(TextTokens(otherText), question: question))
        let agrees = Set(small).isSubset(of: other)
        return Judgment(verdict: agrees ? .pass : .fail, score: overlap, extracted: extracted)
    }

    /// The key content of a reply: its numbers and names, or else its content words, normalised, in order.
    public static func key(_ reply: String, question: String) -> [String] {
        let text = TextTokens(reply)
        let questionWords = Set(TextTokens.words(question))
        let salient = text.tokens.filter { token in
            guard !questionWords.contains(token.text), !JudgeLexicon.stopwords.contains(token.text) else { return false }
            return Int(token.text) != nil || (token.capitalized && !token.sentenceInitial)
        }
        let words = salient.isEmpty ? content(text, question: question) : salient.map(\.text)
        return words.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    static func content(_ text: TextTokens, question: String) -> [String] {
        let questionWords = Set(TextTokens.words(question))
        return text.words.filter { !JudgeLexicon.stopwords.contains($0) && !questionWords.contains($0) }
    }

    private func describe(_ key: [String]) -> String { key.isEmpty ? "(no answer)" : key.joined(separator: " ") }
}
