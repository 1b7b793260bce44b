/// Finds the yes / no / non-answer signals of a reply, left to right, for ``ClosedAnswerJudge``.
enum ClosedSignals {
    typealias Strength = ClosedAnswerPhrases.Strength

    struct Signal: Sendable, Hashable {
        var answer: ClosedAnswer
        var strength: Strength
        /// Token index where the signal starts.
        var index: Int
        /// How many self-corrections ("sorry", "wait") came before it.
        var segment: Int
    }

    static func find(in text: TextTokens) -> [Signal] {
        let words = text.words
        let tokens = text.tokens
        var signals: [Signal] = []
        var segment = 0
        var index = 0
        func clauseEnds(after position: Int) -> Bool {
            position + 1 >= tokens.count || tokens[position + 1].clause != tokens[position].clause
        }
        func opensClause(_ position: Int) -> Bool {
            var before = position - 1
            while before >= 0, tokens[before].clause == tokens[position].clause {
                guard ClosedAnswerPhrases.interjections.contains(words[before]) || words[before] == "no" else { return false }
                before -= 1
            }
            return true
        }
        while index < words.count {
            func add(_ answer: ClosedAnswer, _ strength: Strength, length: Int) {
                signals.append(Signal(answer: answer, strength: strength, index: index, segment: segment))
                index += length
            }
            let word = words[index]
            if let correction = ClosedAnswerPhrases.corrections.first(where: { JudgeLexicon.matches($0, in: words, at: index) }) {
                segment += 1
                index += correction.count
            } else if let entry = longestEntry(words, at: index), entry.strength == .neutral {
                index += entry.words.count
            } else if let entry = longestEntry(words, at: index), entry.words.count == 1, entry.answer == .no,
                let known = NonAnswerCues.knowledgeWord(text, negatedAt: index)
            {
                add(.unknown, .hedge, length: known - index + 1)  // "Never told me": not a denial
            } else if let entry = longestEntry(words, at: index), entry.strength == .weak,
                (0..<index).contains(where: { tokens[$0].clause == tokens[index].clause && JudgeLexicon.negations.contains(words[$0]) })
            {
                index += entry.words.count  // "You don't love it": the negation already said no
            } else if let entry = longestEntry(words, at: index) {
                let loneNo = entry.words == ["no"] && !opensClause(index)
                add(entry.answer, loneNo ? .weak : entry.strength, length: entry.words.count)
            } else if opensClause(index), clauseEnds(after: index), ClosedAnswerPhrases.soloYes.contains(word) {
                add(.yes, .strong, length: 1)
            } else if opensClause(index), clauseEnds(after: index), ClosedAnswerPhrases.soloNo.contains(word) {
                add(.no, .strong, length: 1)
            } else if ClosedAnswerPhrases.subjects.contains(word), index + 1 < words.count,
                ClosedAnswerPhrases.auxiliaries.contains(words[index + 1]), clauseEnds(after: index + 1),
                tokens[index + 1].clause == tokens[index].clause,
                (0..<index).allSatisfy({ tokens[$0].clause != tokens[index].clause || JudgeLexicon.stopwords.contains(words[$0]) })
            {  // elliptic only after answer and function words: "Sure you do", not "What a nice day it is"
                add(.yes, .weak, length: 2)
            } else if let known = NonAnswerCues.knowledgeWord(text, negatedAt: index) {
                add(.unknown, .hedge, length: known - index + 1)  // "I don't think you told me", "I can't be sure"
            } else if JudgeLexicon.negations.contains(word) {
                add(.no, .weak, length: 1)
            } else {
                index += 1
            }
        }
        return bareNoBeforeExcuse(signals, in: text)
    }

    /// A bare "no" whose sentence goes on only with a non-answer ("No, I don't remember.", "No, you never told me.")
    /// introduces the excuse: it does not deny the fact asked about, so it counts as a hedge.
    private static func bareNoBeforeExcuse(_ signals: [Signal], in text: TextTokens) -> [Signal] {
        signals.enumerated().map { offset, signal in
            guard signal.strength == .strong, signal.answer == .no, text.words[signal.index] == "no" else { return signal }
            let sentence = text.tokens[signal.index].sentence
            let rest = signals[(offset + 1)...].filter { text.tokens[$0.index].sentence == sentence }
            guard !rest.isEmpty, rest.allSatisfy({ $0.strength == .hedge }) else { return signal }
            var excuse = signal
            excuse.answer = .unknown
            excuse.strength = .hedge
            return excuse
        }
    }

    private static func longestEntry(_ words: [String], at index: Int) -> ClosedAnswerPhrases.Entry? {
        ClosedAnswerPhrases.entries
            .filter { JudgeLexicon.matches($0.words, in: words, at: index) }
            .max { $0.words.count < $1.words.count }
    }
}
