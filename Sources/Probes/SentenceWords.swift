import Foundation

/// A sentence as a list of words plus its closing punctuation, for perturbations that work on words.
///
/// Rendering joins the words with single spaces, adds the closing punctuation back, and keeps the sentence's first
/// letter capitalised when the words move around, so perturbed text stays tidy: no double or trailing spaces.
struct SentenceWords: Hashable {
    var words: [String]
    /// Punctuation that ended the sentence ("?", "?!", "."), kept at the end.
    var ending: String
    /// Whether the original first letter was upper case.
    var capitalised: Bool

    init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var body = Substring(trimmed)
        var ending = ""
        while let last = body.last, ".?!".contains(last) {
            ending.insert(last, at: ending.startIndex)
            body = body.dropLast()
        }
        words = body.split(whereSeparator: \.isWhitespace).map(String.init)
        self.ending = ending
        capitalised = words.first?.first?.isUppercase ?? false
    }

    /// The text, with the first word capitalised when the original was and moved words lower-cased.
    func render(original: SentenceWords) -> String {
        var words = self.words
        if capitalised, let first = original.words.first, words.first != first {
            if let index = words.firstIndex(of: first), first != "I", !first.hasPrefix("I'") {
                words[index] = first.prefix(1).lowercased() + first.dropFirst()
            }
        }
        if capitalised, let first = words.first {
            words[0] = first.prefix(1).uppercased() + first.dropFirst()
        }
        return words.joined(separator: " ") + ending
    }

    /// Positions of words that hold at least one letter or digit.
    var wordPositions: [Int] {
        words.indices.filter { words[$0].contains { $0.isLetter || $0.isNumber } }
    }
}
