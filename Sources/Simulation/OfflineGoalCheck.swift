import LabCore

/// Decides without an LLM whether the bot answered the goals of the user's last message.
///
/// A goal counts as answered when the bot's reply is not its fallback and mentions every variable value of the
/// goal (any one of a variable's values when it has several), or, for a goal without variables, shares a content
/// word with it or gives a number, amount, time or date.
struct OfflineGoalCheck {
    static let stopWords: Set<String> = ["the", "a", "an", "of", "to", "in", "for", "and", "or", "with", "is", "are",
        "how", "what", "when", "where", "which", "who", "why", "much", "many", "my", "your", "me", "you", "i", "it",
        "do", "does", "can", "could", "would", "will", "be", "about", "there", "this", "that"]

    static func answered(_ goal: Int, reply: String, profile: Profile, setup: ConversationSetup) -> Bool {
        let template = profile.user.goals[goal]
        let names = GoalsReader.names(in: template)
        let lower = reply.lowercased()
        if !names.isEmpty {
            return names.allSatisfy { name in
                guard let chosen = setup.assignment[name] else { return true }
                return chosen.items.contains { mentions(lower, $0.description.lowercased()) }
            }
        }
        let words = Set(FallbackDetector.normalized(setup.goals[goal]).split(separator: " ").map(String.init))
            .subtracting(stopWords).filter { $0.count > 2 }
        let replyWords = FallbackDetector.normalized(reply).split(separator: " ").map(String.init)
        if replyWords.contains(where: { word in words.contains { $0.hasPrefix(String(word.prefix(5))) && word.count > 2 } }) {
            return true
        }
        return !TypedPatterns.moneyValues(reply).isEmpty || !TypedPatterns.numbers(reply).isEmpty
            || !TypedPatterns.times(reply).isEmpty || !TypedPatterns.dates(reply).isEmpty
    }

    /// Whether `text` contains `value` as whole words.
    static func mentions(_ text: String, _ value: String) -> Bool {
        var search = text.startIndex..<text.endIndex
        while let range = text.range(of: value, range: search) {
            let before = range.lowerBound == text.startIndex || !text[text.index(before: range.lowerBound)].isLetter
            let after = range.upperBound == text.endIndex || !text[range.upperBound].isLetter
            if before && after { return true }
            search = range.upperBound..<text.endIndex
        }
        return false
    }
}
