import Foundation
import LabCore

/// Makes differently worded copies of information sentences by replacing words with WordNet synonyms.
///
/// Each eligible word (letters only, longer than 2 letters, not a function word, not an inflected form, not part of the
/// expected answer, with a synset) is replaced with probability `probability` by a synonym of the same part of speech where it can be told
/// (see ``partOfSpeech(_:after:)``) by a one-word, lower-case synonym from its most frequent synset. Capitalisation and
/// punctuation are kept. Never changes the test set it reads.
public struct SynonymAugmenter: Sendable {
    public let wordnet: WordNet
    public let probability: Double

    static let functionWords: Set<String> = [
        "the", "and", "but", "for", "with", "from", "that", "this", "these", "those", "there", "their", "they",
        "you", "your", "yours", "his", "her", "hers", "its", "our", "ours", "she", "him", "was", "were", "are", "is",
        "have", "has", "had", "not", "can", "will", "would", "should", "could", "been", "being", "what", "which",
        "who", "whom", "whose", "when", "where", "why", "how", "about", "into", "onto", "than", "then", "very",
        "also", "just", "some", "any", "all", "each", "every", "does", "did", "doing", "done", "own", "myself",
        "named", "called", "name", "more", "most", "less", "best", "better", "other", "never", "ever", "again",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many", "much", "like",
        "home", "besides", "only", "still", "really",
    ]
    static let subjects: Set<String> = ["i", "you", "we", "they", "he", "she", "never", "often", "always", "to"]
    static let nounMarkers: Set<String> = ["my", "the", "a", "an", "your", "his", "her", "our", "their", "this", "that"]

    public init(wordnet: WordNet, probability: Double) {
        self.wordnet = wordnet
        self.probability = probability
    }

    /// A copy of `text` with some words replaced by synonyms; `protected` words (the answer) are never touched.
    public func augment(_ text: String, protecting protected: [String], random: inout SeededRandom) -> String {
        let guarded = Set(protected.flatMap { $0.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init) })
        var tokens = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for index in tokens.indices {
            let token = tokens[index]
            guard let core = Self.core(of: token), core.count > 2 else { continue }
            let lower = core.lowercased()
            guard !Self.functionWords.contains(lower), !guarded.contains(lower), !wordnet.isInflected(lower) else {
                continue
            }
            guard random.nextUnit() < probability else { continue }
            let previous = index > 0 ? Self.core(of: tokens[index - 1])?.lowercased() : nil
            guard let pos = partOfSpeech(lower, after: previous) else { continue }
            // One plain word, so the sentence keeps its shape: no "Canis familiaris", no proper nouns.
            let candidates = wordnet.synonyms(of: lower, as: pos).filter {
                !guarded.contains($0.lowercased()) && $0.allSatisfy { $0.isLowercase }
            }
            guard var synonym = candidates.randomElement(using: &random) else { continue }
            if core.first?.isUppercase == true { synonym = synonym.prefix(1).uppercased() + synonym.dropFirst() }
            tokens[index] = token.replacingOccurrences(of: core, with: synonym)
        }
        return tokens.joined(separator: " ")
    }

    /// After a determiner a noun; after a subject pronoun a verb; "-ly" an adverb; otherwise a noun when the word
    /// can be one, else its most common part of speech.
    private func partOfSpeech(_ word: String, after previous: String?) -> WordNet.PartOfSpeech? {
        let senses = wordnet.senses(of: word)
        func has(_ pos: WordNet.PartOfSpeech) -> Bool { senses.contains { $0.pos == pos } }
        if let previous, Self.nounMarkers.contains(previous) { return has(.noun) ? .noun : nil }
        if let previous, Self.subjects.contains(previous) { return has(.verb) ? .verb : nil }
        if word.hasSuffix("ly"), has(.adv) { return .adv }
        if has(.noun) { return .noun }
        return senses.max { $0.count < $1.count }?.pos
    }

    /// The letters of a token without surrounding punctuation; `nil` when it holds anything but letters.
    static func core(of token: String) -> String? {
        let core = token.trimmingCharacters(in: .punctuationCharacters)
        guard !core.isEmpty, core.allSatisfy(\.isLetter) else { return nil }
        return core
    }
}
