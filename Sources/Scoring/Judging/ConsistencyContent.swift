/// What one reply says, as ``ConsistencyJudge`` compares it: a yes or no, a set of answer items, or nothing.
public struct ConsistencyContent: Sendable, Hashable {
    /// Yes or no, for a closed question; nil otherwise.
    public var answer: ClosedAnswer?
    /// The answer items of an open reply, normalised, in reply order ("hiking", "baking", "chess"; "29"; "ava").
    public var items: [String]
    public var reply: String
    /// The question the reply answers (its words are not content).
    public var question: String

    static func closed(_ answer: ClosedAnswer, reply: String) -> Self {
        Self(answer: answer, items: [], reply: reply, question: "")
    }

    static func open(_ items: [String], reply: String, question: String) -> Self {
        Self(answer: nil, items: items, reply: reply, question: question)
    }

    static func nonAnswer(reply: String) -> Self { Self(answer: nil, items: [], reply: reply, question: "") }

    /// False for a non-answer: never a reference, always a fail.
    public var isSubstantive: Bool { answer != nil || !items.isEmpty }

    /// As the note shows it: "yes", "hiking baking chess", "(non-answer)".
    public var summary: String {
        if let answer { return answer.rawValue }
        return items.isEmpty ? "(non-answer)" : items.joined(separator: " ")
    }

    /// Whether this reply agrees with `reference`, and the overlap score (Jaccard of the item sets; 1/0 closed).
    func agrees(with reference: Self) -> (Bool, Double) {
        if let answer {
            let same = answer == reference.answer
            return (same, same ? 1 : 0)
        }
        let mine = Set(items)
        let theirs = Set(reference.items)
        let overlap = Double(mine.intersection(theirs).count) / Double(max(1, mine.union(theirs).count))
        let (small, other) = items.count <= reference.items.count ? (mine, reference) : (theirs, self)
        return (small.isSubset(of: Set(other.contentWords)), overlap)
    }

    /// Every content word of the reply (no stopwords, no words of its question).
    var contentWords: [String] {
        let questionWords = Set(TextTokens.words(question))
        return TextTokens(reply).words.filter { !JudgeLexicon.stopwords.contains($0) && !questionWords.contains($0) }
    }

    /// Words that talk about the question instead of answering it ("Good question", "tricky one", "hmm").
    static let smallTalk: Set<String> = [
        "question", "questions", "answer", "answers", "tricky", "tough", "hard", "difficult", "interesting", "good",
        "great", "fun", "funny", "idea", "clue", "hey", "hi", "hello", "topic", "subject", "talk", "chat", "ask",
        "asking", "asked", "wonder", "wondering", "mind", "honestly", "haha", "lol", "hmmm", "let", "see", "wow",
        "cool", "awesome", "sorry", "true", "fair", "asks", "point", "moment", "honest", "puzzle", "favourite", "favorite",
    ]

    /// The answer items of an open reply: its numbers and names when it has any, otherwise its content words;
    /// words of non-answer cues and small talk about the question never count. Empty for a non-answer.
    static func items(of reply: String, question: String) -> [String] {
        let text = TextTokens(reply)
        let covered = NonAnswerCues.covered(text)
        let questionWords = Set(TextTokens.words(question).map(singular))
        let countsNumbers = asksForNumber(TextTokens.words(question))
        func isWord(_ index: Int) -> Bool {
            let word = text.tokens[index].text
            return !JudgeLexicon.stopwords.contains(word) && !smallTalk.contains(word)
        }
        let eligible = text.tokens.indices.filter { index in
            let token = text.tokens[index]
            guard !covered.contains(index), !questionWords.contains(singular(token.text)), isWord(index) else { return false }
            guard token.text == "1", !countsNumbers, text.quote(index..<index + 1).lowercased() == "one" else { return true }
            // "one" is a number only before a counted thing ("one sister"), not as a pronoun ("a tricky one").
            let next = index + 1
            return next < text.tokens.count && text.tokens[next].clause == token.clause && isWord(next)
        }
        let salient = eligible.filter { index in
            let token = text.tokens[index]
            return Int(token.text) != nil || (token.capitalized && !token.sentenceInitial)
        }
        let words = (salient.isEmpty ? eligible : salient).map { text.tokens[$0].text }
        return words.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    /// "hobbies" → "hobby", "cats" → "cat"; "glass" and "bus" stay.
    static func singular(_ word: String) -> String {
        if word.count > 4, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        return ClosedRestatement.stem(word)
    }

    /// "How old", "how many", "what year", "which number": the answer is a number, even "one".
    private static func asksForNumber(_ words: [String]) -> Bool {
        let pairs = zip(words, words.dropFirst())
        return pairs.contains { $0 == "how" && ["many", "much", "old", "long"].contains($1) }
            || words.contains { ["number", "age", "year", "years"].contains($0) }
    }
}
