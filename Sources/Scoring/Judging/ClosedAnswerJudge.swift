/// Judges replies to yes/no questions by classifying them, word by word, as yes, no or unknown.
///
/// Contract:
/// - Answer words and formulas are found as whole words, longest phrase first: "yes", "yep", "sure", "of course",
///   "that's right", "uh-huh", "no doubt about it" say yes; "no", "nope", "nah", "not at all", "of course not",
///   "I don't think so", "not that I know of", "never" say no. "know" is not "no", "nobody" is not "no".
/// - A clause-opening "no" is an answer; "no" inside a clause ("you have no cat"), "not" and "never" only negate in
///   passing (weak no), and "you do" / "I do" closing a clause is a weak yes. Weak signals count only when no answer
///   word or non-answer phrase is found.
/// - Non-answers ("I don't know", "not sure", "nobody told me", "you never said", "maybe", "yes and no"), refusals
///   and deflections ("I can't answer that one", "Good question!", "Let's talk about something else") and negated
///   knowing or telling words ("I don't think you told me that", "I have no way of knowing": ``NonAnswerCues``) give
///   unknown, unless an answer word is also given. "Not that I know of" stays a no.
/// - Yes and no both said as answers in one clause ("yes and no") give unknown; in different clauses the last one
///   counts ("No no no, yes.").
/// - Self-corrections ("No - sorry, yes", "Yes - wait, no"): the part after the last correction word that says
///   anything decides.
/// - Questions back ("Why do you ask?", "Isn't it Florence?") say nothing, except an answer word opening them.
/// - With no signal at all, a statement about "you" is matched against the question's content words: all of them
///   restated ("You live in Rome." to "Do I live in Rome?") is yes; some restated and others replaced ("You live in
///   Rome." to "Do I live in Paris?") is no; anything else is unknown.
///
/// The verdict passes iff the answer equals the expected yes/no; unknown always fails. ``Judgment/extracted`` is
/// "yes", "no" or "unknown"; there is no score. Items without a yes/no expectation are skipped.
public struct ClosedAnswerJudge: AnswerJudge {
    public init() {}

    public func judge(_ item: JudgeItem) -> Judgment {
        let expected: ClosedAnswer
        switch item.expected {
        case .yes: expected = .yes
        case .no: expected = .no
        case .text, .none: return Judgment(verdict: .skipped, extracted: "(not a yes/no question)")
        }
        let answer = classify(item.reply, question: item.question)
        return Judgment(verdict: answer == expected ? .pass : .fail, extracted: answer.rawValue)
    }

    /// What `reply` answers to the yes/no `question`.
    public func classify(_ reply: String, question: String? = nil) -> ClosedAnswer {
        let text = TextTokens(reply)
        let signals = ClosedSignals.find(in: text).filter { counts($0, in: text) }
        guard let lastSegment = signals.map(\.segment).max() else {
            return question.map { ClosedRestatement.answer(text, question: $0) } ?? .unknown
        }
        let decisive = signals.filter { $0.segment == lastSegment }
        guard let top = decisive.map(\.strength).max(), top != .hedge else { return .unknown }
        let strongest = decisive.filter { $0.strength == top }
        let lastClause = strongest.map { text.tokens[$0.index].clause }.max()
        let answers = Set(strongest.filter { text.tokens[$0.index].clause == lastClause }.map(\.answer))
        return answers.count == 1 ? answers.first! : .unknown
    }

    /// Signals inside a question back count only when they are answer words opening it ("Yes, don't you?").
    private func counts(_ signal: ClosedSignals.Signal, in text: TextTokens) -> Bool {
        let token = text.tokens[signal.index]
        guard text.isQuestion(token) else { return true }
        let firstClause = text.tokens.first { $0.sentence == token.sentence }?.clause
        return signal.strength == .strong && token.clause == firstClause
    }
}
