/// Reads a yes or no out of a reply that restates the fact instead of saying yes or no ("You live in Rome.").
///
/// Only statements (not questions) that speak about "you" count. The question's content words (no stopwords, plural
/// "s" removed) are compared with the statement's: all restated is yes; some restated while the statement brings
/// other content words (a replaced detail: "Rome" for "Paris") is no; otherwise unknown.
enum ClosedRestatement {
    static func answer(_ reply: TextTokens, question: String) -> ClosedAnswer {
        let statements = reply.tokens.filter { !reply.isQuestion($0) }.map(\.text)
        guard statements.contains(where: { ["you", "your", "yours", "yourself"].contains($0) }) else { return .unknown }
        let asked = contentWords(TextTokens(question).words)
        let said = contentWords(statements)
        guard !asked.isEmpty else { return .unknown }
        let restated = asked.intersection(said)
        if restated == asked { return .yes }
        if !restated.isEmpty, !said.subtracting(asked).isEmpty { return .no }
        return .unknown
    }

    static func contentWords(_ words: [String]) -> Set<String> {
        Set(words.filter { !JudgeLexicon.stopwords.contains($0) }.map(stem))
    }

    /// "cats" → "cat", "kids" → "kid"; "glass" and "bus" stay.
    static func stem(_ word: String) -> String {
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us") else { return word }
        return String(word.dropLast())
    }
}
