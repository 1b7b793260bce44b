/// Recognises replies that do not answer: they say the speaker does not know or was not told, decline, deflect, or
/// only comment on the question. Shared by the closed, open and consistency judges.
///
/// Two kinds of cue:
/// - a phrase of ``JudgeLexicon/nonAnswers`` ("no idea", "good question", "let's talk about", "how would I know");
/// - a negated knowing or telling word: a negation followed, within ``knowledgeReach`` words of its clause, by a word
///   of ``knowledgeWords`` ("I don't think you *told* me", "I can't *answer* that", "I have no way of *knowing*").
///   Answer formulas that contain such words ("not that I know of") are matched before this rule by the judges.
enum NonAnswerCues {
    /// Words about knowing, being told or answering; negated, they make a reply a non-answer.
    static let knowledgeWords: Set<String> = [
        "know", "knowing", "knew", "known", "tell", "told", "telling", "say", "said", "saying", "mention",
        "mentioned", "mentioning", "remember", "remembering", "recall", "recollect", "sure", "certain", "aware",
        "answer", "answering", "idea", "clue", "information", "info", "record", "records", "memory", "share",
        "shared", "sharing", "catch", "caught", "help", "guess", "knowledge", "details", "detail", "access",
    ]

    /// How many words after a negation a knowing word may come ("not have that in my memory": 5).
    static let knowledgeReach = 5

    /// True if the negation at `index` governs a knowing or telling word of its clause.
    static func negatesKnowledge(_ text: TextTokens, at index: Int) -> Bool { knowledgeWord(text, negatedAt: index) != nil }

    /// The position of the knowing or telling word governed by the negation at `index`, if any.
    static func knowledgeWord(_ text: TextTokens, negatedAt index: Int) -> Int? {
        let tokens = text.tokens
        guard index < tokens.count, JudgeLexicon.negations.contains(tokens[index].text) else { return nil }
        var position = index + 1
        while position < tokens.count, position <= index + knowledgeReach, tokens[position].clause == tokens[index].clause {
            if knowledgeWords.contains(tokens[position].text) { return position }
            position += 1
        }
        return nil
    }

    /// Token positions covered by a non-answer cue: every word of a non-answer phrase, and every negation that
    /// governs a knowing word together with the words up to that knowing word.
    static func covered(_ text: TextTokens) -> Set<Int> {
        let words = text.words
        var result = Set<Int>()
        for start in words.indices {
            for phrase in JudgeLexicon.nonAnswers where JudgeLexicon.matches(phrase, in: words, at: start) {
                result.formUnion(start..<start + phrase.count)
            }
            if let end = knowledgeWord(text, negatedAt: start) { result.formUnion(start...end) }
        }
        return result
    }

    /// True if the reply holds any non-answer cue.
    static func hasCue(_ text: TextTokens) -> Bool { !covered(text).isEmpty }
}
