import LabCore
/// Who the bot is talking about when it answers: the other speaker ("Your cat is called Mittens.") or itself
/// ("My tortoise is called Pebble.").
struct Voice: Sendable {
    var subject: String
    var possessive: String
    var be: String
    var wasBorn: String
    var has: String
    /// What the bot says when it has no fact to answer from.
    var unknown: String
    var turnsRound: Bool

    /// Talking about the other speaker.
    static let other = Voice(
        subject: "you", possessive: "your", be: "are", wasBorn: "were", has: "have",
        unknown: "I don't think you told me that.", turnsRound: true)
    /// Talking about itself, from its persona.
    static let own = Voice(
        subject: "I", possessive: "my", be: "am", wasBorn: "was", has: "have",
        unknown: "That is hard to say.", turnsRound: false)

    /// A value said in first person, as the bot repeats it: `my cat` -> `your cat`.
    func speak(_ value: String) -> String {
        guard turnsRound else { return value }
        let swaps = [
            "my": "your", "i": "you", "me": "you", "mine": "yours", "myself": "yourself", "am": "are", "our": "your",
            "we": "you", "us": "you",
        ]
        return value.split(separator: " ", omittingEmptySubsequences: false).map { word in
            let lower = word.lowercased()
            return swaps[lower] ?? String(word)
        }.joined(separator: " ")
    }

    /// `a, b and c`
    static func list(_ items: [String]) -> String { EnglishList.joined(items) }
}

extension String {
    /// The sentence with its first letter in upper case.
    var sentenceCased: String { prefix(1).uppercased() + dropFirst() }

    /// For joining after "Yes, " or "No, ": the first letter in lower case unless the first word is "I".
    var continued: String {
        if hasPrefix("I ") { return self }
        return prefix(1).lowercased() + dropFirst()
    }
}
