/// ML-I13: does a chatter answer the same question about itself consistently?
///
/// Contract:
/// - A series is every reply to one question (or its rewordings), in order. Each reply is first read for its
///   content (``ConsistencyContent``): yes or no for a closed question; for an open one the set of answer items —
///   numbers and names when there are any, otherwise the content words (no stopwords, no words of any wording of the
///   question in the series, no
///   words of a non-answer cue, no small talk about the question: "Good question", "tricky one").
/// - A reply without content (a non-answer: "I don't know", "I can't answer that one", "Good question!", unknown for a
///   closed question) is never the reference; it fails as a non-answer.
/// - The first substantive reply is the reference: its judgment is ``Verdict/skipped`` (never counted as a pass).
/// - Every later substantive reply is compared with it by content. Closed: the same yes/no passes. Open: the smaller
///   of the two item sets must be contained in the other reply's content words ("I'm Ava" and "My name is Ava, nice
///   to meet you" agree; "I am 3" and "I'm three" agree; "I'm 25" and "I'm 26" do not; "hiking, baking and chess"
///   and "chess" agree, "chess" and "golf" do not).
/// - A series without any substantive reply fails every reply and says so in ``Judgment/extracted``.
/// - ``Judgment/score`` is the Jaccard overlap of the two item sets (open) or 1/0 (closed); ``Judgment/extracted``
///   shows the reply's content and the reference's content and text.
public struct ConsistencyJudge: Sendable {
    /// One asked question and the reply to it.
    public struct Exchange: Sendable, Hashable {
        public var question: String
        public var reply: String

        public init(question: String, reply: String) {
            self.question = question
            self.reply = reply
        }
    }

    public var closed: ClosedAnswerJudge

    public init(closed: ClosedAnswerJudge = ClosedAnswerJudge()) {
        self.closed = closed
    }

    /// Judges a series in order: non-answers fail, the first substantive reply is the reference (skipped), later
    /// substantive replies are compared with it.
    public func judge(series: [Exchange], isClosed: Bool) -> [Judgment] {
        // The words of every wording of the question name what is asked about, not an answer ("hobbies").
        let asked = series.map(\.question).joined(separator: " ")
        let contents = series.map { content(of: $0.reply, question: isClosed ? $0.question : asked, isClosed: isClosed) }
        guard let first = contents.firstIndex(where: \.isSubstantive) else {
            return contents.map { _ in
                Judgment(verdict: .fail, score: 0, extracted: "(non-answer) · no substantive answer in the series")
            }
        }
        let reference = contents[first]
        let quoted = Self.quote(series[first].reply)
        return contents.enumerated().map { index, later in
            if index == first { return Judgment(verdict: .skipped, extracted: "\(reference.summary) (reference)") }
            guard later.isSubstantive else {
                let note = index < first ? "before the reference" : "reference: \(reference.summary) \(quoted)"
                return Judgment(verdict: .fail, score: 0, extracted: "(non-answer) (\(note))")
            }
            return compare(reference, later, referenceText: quoted)
        }
    }

    /// Judges all replies to one question in order (see ``judge(series:isClosed:)``).
    public func judge(question: String, isClosed: Bool, replies: [String]) -> [Judgment] {
        judge(series: replies.map { Exchange(question: question, reply: $0) }, isClosed: isClosed)
    }

    /// Compares one later reply with the reference reply; a non-answer on either side fails.
    public func compare(question: String, isClosed: Bool, reference: String, reply: String) -> Judgment {
        let first = content(of: reference, question: question, isClosed: isClosed)
        let later = content(of: reply, question: question, isClosed: isClosed)
        guard first.isSubstantive, later.isSubstantive else {
            return Judgment(verdict: .fail, score: 0, extracted: "\(later.summary) (reference: \(first.summary))")
        }
        return compare(first, later, referenceText: Self.quote(reference))
    }

    /// What one reply says, read for consistency.
    public func content(of reply: String, question: String, isClosed: Bool) -> ConsistencyContent {
        if isClosed {
            let answer = closed.classify(reply, question: question)
            return answer == .unknown ? .nonAnswer(reply: reply) : .closed(answer, reply: reply)
        }
        let items = ConsistencyContent.items(of: reply, question: question)
        return items.isEmpty ? .nonAnswer(reply: reply) : .open(items, reply: reply, question: question)
    }

    private func compare(_ reference: ConsistencyContent, _ later: ConsistencyContent, referenceText: String) -> Judgment {
        let extracted = "\(later.summary) (reference: \(reference.summary) \(referenceText))"
        let (agrees, score) = later.agrees(with: reference)
        return Judgment(verdict: agrees ? .pass : .fail, score: score, extracted: extracted)
    }

    /// The reference reply as the note quotes it: at most 60 characters.
    static func quote(_ reply: String) -> String {
        let flat = reply.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\"" + (flat.count > 60 ? String(flat.prefix(59)) + "…" : flat) + "\""
    }
}
