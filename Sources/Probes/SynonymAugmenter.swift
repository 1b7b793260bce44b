import Foundation
import LabCore

/// Makes differently worded copies of information sentences by replacing words with WordNet synonyms.
///
/// Each eligible word (letters only, longer than 2 letters, not a function word, not part of the expected answer, with
/// a synset) is replaced with probability `probability` by a synonym of the same part of speech where it can be told
/// (after "my", "the", "a"... a noun; otherwise the part of speech with the most senses). Capitalisation and
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
        "named", "called", "name",
    ]
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
            guard !Self.functionWords.contains(lower), !guarded.contains(lower) else { continue }
            guard random.nextUnit() < probability else { continue }
            let previous = index > 0 ? Self.core(of: tokens[index - 1])?.lowercased() : nil
            guard let pos = partOfSpeech(lower, after: previous) else { continue }
            let candidates = wordnet.synonyms(of: lower, as: pos).filter { !guarded.contains($0.lowercased()) }
            guard var synonym = candidates.randomElement(using: &random) else { continue }
            if core.first?.isUppercase == true { synonym = synonym.prefix(1).uppercased() + synonym.dropFirst() }
            tokens[index] = token.replacingOccurrences(of: core, with: synonym)
        }
        return tokens.joined(separator: " ")
    }

    private func partOfSpeech(_ word: String, after previous: String?) -> WordNet.PartOfSpeech? {
        let senses = wordnet.senses(of: word)
        if let previous, Self.nounMarkers.contains(previous), senses.contains(where: { $0.pos == .noun }) { return .noun }
        return senses.max { $0.count < $1.count }?.pos
    }

    /// The letters of a token without surrounding punctuation; `nil` when it holds anything but letters.
    static func core(of token: String) -> String? {
        let core = token.trimmingCharacters(in: .punctuationCharacters)
        guard !core.isEmpty, core.allSatisfy(\.isLetter) else { return nil }
        return core
    }
}
