import Foundation

/// The words of a question that a perturbation keeps, so that a person could still answer what is left.
///
/// Kept: the word that opens the question ("What", "Do", "Is", and "many" / "old" / "much" / "long" after "How"),
/// the words naming the asker ("I", "my", "me"), and every content word, i.e. every word that is not a function word
/// (article, preposition, auxiliary, pronoun, conjunction): they name the thing asked about ("name", "cat", "dog",
/// "owner", "colour"). Everything else may be perturbed. "Am I a dog owner?" may lose "a", never "dog" or "owner",
/// so no perturbation leaves "I?" or "Owner?".
enum AnswerBearingWords {
    static let functionWords: Set<String> = [
        "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "from", "by", "about", "into", "onto", "as",
        "is", "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "will",
        "would", "can", "could", "should", "shall", "may", "might", "must", "you", "your", "yours", "it", "its", "this",
        "that", "these", "those", "there", "here", "what", "which", "who", "whom", "whose", "where", "when", "why",
        "how", "and", "or", "but", "any", "some", "much", "many", "he", "she", "his", "her", "they", "their", "we",
        "our", "us", "them", "please", "tell", "remember", "know", "again", "then", "so", "just", "still", "ever",
    ]
    static let askerWords: Set<String> = ["i", "my", "me", "mine", "myself", "i'm", "i've", "i'd", "i'll"]
    static let quantities: Set<String> = ["many", "much", "old", "long", "often", "far"]

    /// Positions of ``SentenceWords/words`` to keep.
    static func kept(_ sentence: SentenceWords) -> Set<Int> {
        var kept = Set<Int>()
        let folded = sentence.words.map(fold)
        for (index, word) in folded.enumerated() {
            if index == 0 || askerWords.contains(word) || !functionWords.contains(word) { kept.insert(index) }
            if index > 0, folded[index - 1] == "how", quantities.contains(word) { kept.insert(index) }
            if !word.contains(where: { $0.isLetter || $0.isNumber }) { kept.remove(index) }
        }
        return kept
    }

    /// Positions that may be perturbed: words with a letter or digit that are not kept.
    static func perturbable(_ sentence: SentenceWords) -> [Int] {
        let kept = kept(sentence)
        return sentence.wordPositions.filter { !kept.contains($0) }
    }

    /// Lower case, straight apostrophes, no surrounding punctuation: "Wife's," → "wife's".
    static func fold(_ word: String) -> String {
        let straight = word.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
        return String(straight.drop { !$0.isLetter && !$0.isNumber }.reversed().drop { !$0.isLetter && !$0.isNumber }.reversed())
    }
}
