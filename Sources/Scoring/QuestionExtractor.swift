import Foundation

/// Finds the questions in a reply and normalises them for comparison.
public enum QuestionExtractor {
    /// The sentences of `text` that end with a run of punctuation holding a question mark ("?", "!?", "??"), as written.
    public static func questions(in text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var ending = ""
        func finish() {
            let sentence = (current + ending).trimmingCharacters(in: .whitespacesAndNewlines)
            if ending.contains("?"), current.contains(where: { $0.isLetter || $0.isNumber }) { result.append(sentence) }
            current = ""
            ending = ""
        }
        for character in text {
            if ".!?\n".contains(character) {
                ending.append(character)
            } else {
                if !ending.isEmpty { finish() }
                current.append(character)
            }
        }
        finish()
        return result
    }

    /// Lower case, punctuation removed, runs of white space folded to one space.
    public static func normalise(_ question: String) -> String {
        let kept = question.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        return String(kept).split(separator: " ").joined(separator: " ")
    }
}
