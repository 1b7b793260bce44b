import Foundation
import LabCore

/// How much of what a question expects an answer covers.
///
/// - Keyword share: the share of the question's keywords (words or phrases) the answer contains, compared without
///   case and on word boundaries.
/// - By meaning: the reference is cut into sentences; each gets its best cosine similarity with any sentence of the
///   answer (negative counted as 0), and the coverage is their mean. An answer that restates every reference sentence
///   covers 1; one about something else covers near 0.
public enum Coverage {
    /// The most characters of an answer or a reference read (both come from outside).
    static let maxCharacters = 20_000
    /// The most sentences of each side encoded.
    static let maxSentences = 64

    /// `nil` when there are no keywords.
    public static func keywordShare(_ answer: String, keywords: [String]) -> Double? {
        guard !keywords.isEmpty else { return nil }
        let words = " " + normalized(String(answer.prefix(maxCharacters))) + " "
        let found = keywords.filter { words.contains(" " + normalized($0) + " ") }.count
        return Double(found) / Double(keywords.count)
    }

    /// `nil` when there is no reference or the answer is empty.
    /// - Throws: the encoder's error.
    public static func byMeaning(_ answer: String, reference: String, encoder: any TextEncoder) throws -> Double? {
        let referenceSentences = sentences(reference)
        let answerSentences = sentences(answer)
        guard !referenceSentences.isEmpty, !answerSentences.isEmpty else { return nil }
        let vectors = try encoder.encode(referenceSentences + answerSentences)
        let reference = vectors.prefix(referenceSentences.count)
        let answer = vectors.suffix(answerSentences.count)
        let best = reference.map { sentence in
            answer.map { other in zip(sentence, other).reduce(Float(0)) { $0 + $1.0 * $1.1 } }.max() ?? 0
        }
        return best.reduce(0.0) { $0 + Double(max(0, min(1, $1))) } / Double(best.count)
    }

    /// Sentences cut at `.`, `!`, `?` and line breaks, blank ones dropped, at most ``maxSentences``.
    static func sentences(_ text: String) -> [String] {
        String(text.prefix(maxCharacters))
            .split(whereSeparator: { ".!?\n".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.contains(where: \.isLetter) }
            .prefix(maxSentences).map { $0 }
    }

    /// Lowercased words and numbers joined by single spaces.
    static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }
}
