/// One reply looked at against the accepted answers of an open question: where the answers occur and how each
/// occurrence is stated, and which other spans could be the answer. Used by ``OpenAnswerJudge``.
struct OpenAnswerContext {
    struct Occurrence {
        var start: Int
        var end: Int
        var outcome: OpenAnswerAnalysis.Outcome
        var range: Range<Int> { start..<end }
    }

    struct Candidate {
        var text: String
        var similarity: Double
    }

    let text: TextTokens
    /// Accepted answers as normalised words, expected first.
    let answers: [[String]]
    /// The question's normalised words.
    let question: Set<String>

    private var words: [String] { text.words }

    /// Every occurrence of an accepted answer not inside a longer one, in reply order, each with its outcome.
    func occurrences() -> [Occurrence] {
        let kept = words.indices.filter { !JudgeLexicon.fillers.contains(words[$0]) }
        var found: [Range<Int>] = []
        for answer in answers {
            let core = answer.filter { !JudgeLexicon.fillers.contains($0) }
            guard !core.isEmpty else {
                for start in text.occurrences(of: answer) { found.append(start..<start + answer.count) }
                continue
            }
            guard core.count <= kept.count else { continue }
            for first in 0...(kept.count - core.count) where core.indices.allSatisfy({ words[kept[first + $0]] == core[$0] }) {
                found.append(kept[first]..<kept[first + core.count - 1] + 1)
            }
        }
        found = found.filter { inner in
            !found.contains { $0 != inner && $0.count > inner.count && $0.contains(inner.lowerBound) && $0.upperBound >= inner.upperBound }
        }
        return Set(found).sorted { $0.lowerBound < $1.lowerBound }.map { range in
            Occurrence(start: range.lowerBound, end: range.upperBound, outcome: outcome(range))
        }
    }

    private func outcome(_ range: Range<Int>) -> OpenAnswerAnalysis.Outcome {
        if isModified(range) { return .compound }
        if isNegated(range) || isTakenBack(range) { return .denied }
        if isAlternative(range) { return .alternatives }
        return .match
    }

    /// A content word glued before the answer makes it another thing: "Table tennis", "Tree nuts".
    private func isModified(_ range: Range<Int>) -> Bool {
        let before = range.lowerBound - 1
        guard before >= 0, sameClause(before, range.lowerBound) else { return false }
        if before > 0, sameClause(before - 1, before), JudgeLexicon.subjects.contains(words[before - 1]) { return false }
        let word = words[before]
        guard word.allSatisfy(\.isLetter), !JudgeLexicon.stopwords.contains(word), !question.contains(word),
            !JudgeLexicon.neutralBeforeAnswer.contains(word), !answers.contains(where: { $0.contains(word) })
        else { return false }
        return !(word.hasSuffix("ed") || word.hasSuffix("ing") || word.hasSuffix("ly"))
    }

    /// A negation earlier in the answer's clause ("isn't called Mittens", "not Mittens"), up to a "but". A clause-
    /// opening "no" ("No it's Mittens") and the negated auxiliary opening a question ("Isn't it Mittens?") do not count.
    private func isNegated(_ range: Range<Int>) -> Bool {
        var position = range.lowerBound - 1
        while position >= 0, sameClause(position, range.lowerBound) {
            let word = words[position]
            if word == "but" { return false }
            if JudgeLexicon.formerly.contains(where: { JudgeLexicon.matches($0, in: words, at: position) }) { return true }
            let opensClause = position == 0 || !sameClause(position - 1, position)
            let questionAuxiliary = text.isQuestion(text.tokens[position]) && position > 0
                && text.tokens[position - 1].sentenceInitial && word == "not"
            let agreeing = JudgeLexicon.nonRetractions.contains { JudgeLexicon.matches($0, in: words, at: position) }
            if JudgeLexicon.negations.contains(word), !questionAuxiliary, !agreeing,
                !(word == "no" && opensClause && position + 1 < range.lowerBound)
            {
                return true
            }
            position -= 1
        }
        return false
    }

    /// A later clause opening with a retraction ("No, I don't think so.", "No wait, it was shellfish.").
    private func isTakenBack(_ range: Range<Int>) -> Bool {
        let clause = text.tokens[range.lowerBound].clause
        for index in range.upperBound..<words.count
        where JudgeLexicon.replacements.contains(where: { JudgeLexicon.matches($0, in: words, at: index) }) {
            return true
        }
        for index in range.upperBound..<words.count where text.tokens[index].clause != clause {
            guard index == 0 || !sameClause(index - 1, index) else { continue }
            if JudgeLexicon.nonRetractions.contains(where: { JudgeLexicon.matches($0, in: words, at: index) }) { continue }
            if words[index] == "or" { continue }  // alternatives, see isAlternative
            if JudgeLexicon.retractions.contains(where: { JudgeLexicon.matches($0, in: words, at: index) }) { return true }
        }
        return false
    }

    /// An "or" right before the answer, or later in its sentence, offering something that is not an accepted answer.
    private func isAlternative(_ range: Range<Int>) -> Bool {
        let sentence = text.tokens[range.lowerBound].sentence
        let before = range.lowerBound - 1
        if before >= 0, words[before] == "or", !answerEnds(at: before) { return true }
        for index in range.upperBound..<words.count where words[index] == "or" && text.tokens[index].sentence == sentence {
            if !answerStarts(after: index) { return true }
        }
        return false
    }

    private func answerEnds(at position: Int) -> Bool {
        answers.contains { answer in JudgeLexicon.matches(answer, in: words, at: position - answer.count) }
    }

    private func answerStarts(after position: Int) -> Bool {
        let skip = position + 1 < words.count && ["a", "an", "the", "maybe", "perhaps"].contains(words[position + 1]) ? 1 : 0
        return answers.contains { JudgeLexicon.matches($0, in: words, at: position + 1 + skip) }
    }

    private func sameClause(_ a: Int, _ b: Int) -> Bool { text.tokens[a].clause == text.tokens[b].clause }

    // MARK: - Candidates

    /// Spans of one clause that begin and end with a content word, about as long as the answers, in reply order.
    func candidates() -> [Candidate] {
        let lengths = answers.map(\.count)
        let shortest = max(1, (lengths.min() ?? 1) - 1)
        let longest = min(6, (lengths.max() ?? 1) + 1)
        var result: [Candidate] = []
        var seen = Set<String>()
        for start in words.indices where isContent(start) {
            for length in shortest...longest {
                let end = start + length
                guard end <= words.count, sameClause(start, end - 1), isContent(end - 1) else { continue }
                let quote = text.quote(start..<end)
                guard seen.insert(quote.lowercased()).inserted else { continue }
                result.append(Candidate(text: quote, similarity: similarity(of: start..<end)))
            }
        }
        return result
    }

    /// The closest ``EditSimilarity`` of a span's normalised words to any accepted answer.
    func similarity(of range: Range<Int>) -> Double {
        let span = words[range].joined(separator: " ")
        return answers.map { EditSimilarity.similarity(span, $0.joined(separator: " ")) }.max() ?? 0
    }

    private func isContent(_ index: Int) -> Bool {
        !JudgeLexicon.stopwords.contains(words[index]) && !question.contains(words[index])
    }
}
