import Foundation

/// Judges replies to open questions ("What is my cat called?") against the expected answer and its aliases.
///
/// Contract:
/// - Reply, expected answer and aliases are normalised alike (``TextTokens``: case, punctuation, accents,
///   contractions, number words → digits), so "MITTENS!", "Amelie" for "Amélie" and "Forty two" for "42" match.
/// - The verdict passes only when an accepted answer occurs as a whole run of words ("New York" in "new york city",
///   not "York"; "Johan" never in "John" or "Johanna") and is stated cleanly. It fails when that occurrence is
///   negated in its clause ("isn't called Mittens"), taken back by a later clause ("Is it Mittens? No, I don't think
///   so."), offered as one of alternatives ("Mittens or Whiskers", "Teal, or was it turquoise?"), or only part of a
///   longer name ("Table tennis" for "tennis"). Hedges do not fail a clean answer ("I'm not sure, maybe Mittens?").
/// - Without an accepted answer, a reply with a non-answer cue (``NonAnswerCues``: "I can't answer that one",
///   "Good question!", "You never told me") or without any content span is a non-answer: it fails, and
///   ``Judgment/extracted`` says "(no answer)" rather than quoting a word of the excuse.
/// - Without an accepted answer, the reply's content spans (no stopwords, no words of the question) are candidates;
///   the closest one by ``EditSimilarity`` is reported. Near misses ("John" for "Johan", score 0.8) still fail.
/// - ``Judgment/score`` is that similarity (1 for an occurrence of an accepted answer); ``Judgment/extracted`` is the
///   span taken as the answer, with "(denied)" or "(one of alternatives)" when so, or "(no answer)".
///
/// - An expected answer that lists items ("hiking and chess") also passes when every item is stated cleanly in any
///   order ("chess and hiking"); a reply with only some of them is a partial answer and fails.
///
/// Items that are not open questions are skipped.
public struct OpenAnswerJudge: AnswerJudge {
    public init() {}

    public func judge(_ item: JudgeItem) -> Judgment {
        guard case .text(let answer, let aliases) = item.expected else {
            return Judgment(verdict: .skipped, extracted: "(not an open question)")
        }
        let analysis = analyze(reply: item.reply, question: item.question, accepted: [answer] + aliases)
        if analysis.outcome != .match, let listed = listMatch(item.reply, item.question, [answer] + aliases) {
            return listed
        }
        return analysis.judgment
    }

    /// An answer that lists several items ("hiking and chess", "Ana, Rui"), each found cleanly in the reply in any
    /// order: "chess and hiking" passes; "hiking" alone is a partial answer and does not.
    func listMatch(_ reply: String, _ question: String, _ accepted: [String]) -> Judgment? {
        for answer in accepted {
            let items = Self.listItems(answer)
            guard items.count >= 2 else { continue }
            let spans = items.map { analyze(reply: reply, question: question, accepted: [$0]) }
            if spans.allSatisfy({ $0.outcome == .match }) {
                return Judgment(verdict: .pass, score: 1, extracted: spans.compactMap(\.span).joined(separator: ", "))
            }
        }
        return nil
    }

    /// The items of a listed answer: split at commas, "and", "&"; one item when there is no list.
    static func listItems(_ answer: String) -> [String] {
        answer.replacingOccurrences(of: " & ", with: ",").replacingOccurrences(of: " and ", with: ",")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Finds the answer in `reply` and relates it to the `accepted` answers (expected first).
    public func analyze(reply: String, question: String, accepted: [String]) -> OpenAnswerAnalysis {
        let text = TextTokens(reply)
        var answers: [[String]] = []
        for answer in accepted.map(TextTokens.words).flatMap(Self.variants) where !answers.contains(answer) {
            answers.append(answer)
        }
        let context = OpenAnswerContext(text: text, answers: answers, question: Set(TextTokens.words(question)))
        let candidates = context.candidates()
        let found = context.occurrences()
        if let clean = found.first(where: { $0.outcome == .match }) ?? found.first {
            let span = clean.outcome == .compound ? text.quote(clean.start - 1..<clean.end) : text.quote(clean.range)
            let similarity = clean.outcome == .compound ? context.similarity(of: clean.start - 1..<clean.end) : 1
            return OpenAnswerAnalysis(
                outcome: clean.outcome, span: span, similarity: similarity, candidates: candidates.map(\.text))
        }
        if NonAnswerCues.hasCue(text) || candidates.isEmpty {
            return OpenAnswerAnalysis(outcome: .nonAnswer, span: nil, similarity: 0, candidates: candidates.map(\.text))
        }
        let best = candidates.dropFirst().reduce(candidates[0]) { $1.similarity > $0.similarity ? $1 : $0 }
        return OpenAnswerAnalysis(
            outcome: .noMatch, span: best.text, similarity: best.similarity, candidates: candidates.map(\.text))
    }

    /// An answer and its equivalent forms: a day and month in either order ("March 3" and "3 March").
    static func variants(_ answer: [String]) -> [[String]] {
        let core = answer.filter { !JudgeLexicon.fillers.contains($0) }
        guard !answer.isEmpty else { return [] }
        guard core.count == 2, let day = core.first(where: { Int($0).map { (1...31).contains($0) } ?? false }),
            let month = core.first(where: JudgeLexicon.months.contains)
        else { return [answer] }
        return [answer, [month, day], [day, month]]
    }
}
