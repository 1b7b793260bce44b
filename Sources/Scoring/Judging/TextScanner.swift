import Foundation

/// Cuts text into words, sentences and clauses, and normalises each word (case, accents, apostrophes,
/// contractions). Number words are left to ``NumberWords``. Used only by ``TextTokens``.
enum TextScanner {
    struct Result {
        var tokens: [TextTokens.Token]
        var questions: Set<Int>
    }

    private static let apostrophes: Set<Character> = ["'", "\u{2019}", "\u{2018}", "\u{02BC}", "`"]
    private static let sentenceEnds: Set<Character> = [".", "!", "?", "\n", "\u{2026}"]

    static func scan(_ text: String) -> Result {
        var tokens: [TextTokens.Token] = []
        var questions = Set<Int>()
        var sentence = 0
        var clause = 0
        var newSentence = false
        var newClause = false
        var wordsInSentence = 0
        let characters = Array(text.indices)
        var position = 0

        func flushWord(_ start: String.Index, _ end: String.Index) {
            if newSentence, wordsInSentence > 0 {
                sentence += 1
                clause += 1
                wordsInSentence = 0
            } else if newClause || newSentence, !tokens.isEmpty {
                clause += 1
            }
            newSentence = false
            newClause = false
            let raw = String(text[start..<end])
            let capitalized = raw.first?.isUppercase ?? false
            for (offset, word) in expand(fold(raw)).enumerated() where !word.isEmpty {
                tokens.append(TextTokens.Token(
                    text: word, range: start..<end, sentence: sentence, clause: clause, capitalized: capitalized,
                    sentenceInitial: wordsInSentence == 0 && offset == 0))
            }
            wordsInSentence += 1
        }

        while position < characters.count {
            let character = text[characters[position]]
            if character.isLetter || character.isNumber {
                let start = position
                while position < characters.count {
                    let here = text[characters[position]]
                    if here.isLetter || here.isNumber {
                        position += 1
                    } else if apostrophes.contains(here) || (here == "." && isDigit(text, characters, position - 1)),
                        position + 1 < characters.count, isWordCharacter(text[characters[position + 1]])
                    {
                        if here == ".", !isDigit(text, characters, position + 1) { break }
                        position += 1
                    } else if apostrophes.contains(here), position > start, text[characters[position - 1]] == "s",
                        position + 1 == characters.count || !isWordCharacter(text[characters[position + 1]])
                    {
                        position += 1  // plural possessive: "parents'"
                    } else {
                        break
                    }
                }
                let end = position < characters.count ? characters[position] : text.endIndex
                flushWord(characters[start], end)
                continue
            }
            if sentenceEnds.contains(character) {
                newSentence = true
                if character == "?" { questions.insert(sentence) }
            } else if character == "-" {
                let glued = position > 0 && position + 1 < characters.count
                    && isWordCharacter(text[characters[position - 1]]) && isWordCharacter(text[characters[position + 1]])
                if !glued { newClause = true }
            } else if !character.isWhitespace, !apostrophes.contains(character) {
                newClause = true
            }
            position += 1
        }
        return Result(tokens: tokens, questions: questions)
    }

    private static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    private static func isDigit(_ text: String, _ characters: [String.Index], _ position: Int) -> Bool {
        guard position >= 0, position < characters.count else { return false }
        return text[characters[position]].isNumber
    }

    /// Lower case without accents, with straight apostrophes.
    static func fold(_ word: String) -> String {
        let decomposed = word.lowercased().decomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            scalars.append(apostrophes.contains(Character(scalar)) ? "'" : scalar)
        }
        return String(scalars).replacingOccurrences(of: "ß", with: "ss")
    }

    private static let isAfter: Set<String> = [
        "it", "that", "what", "there", "here", "he", "she", "who", "where", "how", "when", "this", "why",
    ]
    private static let suffixes: [(String, String)] = [("'re", "are"), ("'m", "am"), ("'ve", "have"), ("'ll", "will"), ("'d", "would")]

    /// Expands a folded word's contraction: "don't" → ["do", "not"], "dog's" → ["dog"].
    static func expand(_ word: String) -> [String] {
        if word == "cannot" { return ["can", "not"] }
        guard word.contains("'") else { return [word] }
        switch word {
        case "can't": return ["can", "not"]
        case "won't": return ["will", "not"]
        case "shan't": return ["shall", "not"]
        case "ain't": return ["is", "not"]
        case "let's": return ["let", "us"]
        default: break
        }
        if word.hasSuffix("n't") { return [String(word.dropLast(3)), "not"] }
        for (suffix, full) in suffixes where word.hasSuffix(suffix) { return [String(word.dropLast(suffix.count)), full] }
        if word.hasSuffix("'s") {
            let stem = String(word.dropLast(2))
            return isAfter.contains(stem) ? [stem, "is"] : [stem]
        }
        return [word.replacingOccurrences(of: "'", with: "")]
    }
}
