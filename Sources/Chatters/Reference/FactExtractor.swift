/// Turns the other speaker's statements into facts: `My cat is called Mittens` -> (`cat`, name, `Mittens`).
///
/// Keeps the thing that pronouns refer to (`I have a dog. Its name is Rex.`): the last thing mentioned in the current
/// utterance, or else in the previous one. Call ``startUtterance()`` before the sentences of each utterance.
struct FactExtractor {
    private var previousMention: String?
    private var currentMention: String?

    /// The thing `it`, `he`, `she`, `its`... refer to right now.
    var context: String? { currentMention ?? previousMention }

    mutating func startUtterance() {
        previousMention = currentMention
        currentMention = nil
    }

    /// The facts stated in one sentence (that is not a question), and notes the things it mentions.
    mutating func statement(_ tokens: [Token]) -> [Fact] {
        var facts: [Fact] = []
        for clause in Phrase.clauses(tokens) {
            let words = Phrase.tidy(clause)
            guard !words.isEmpty else { continue }
            var found = Self.facts(in: words, context: context)
            let negated = words.contains { ["not", "no", "never", "without"].contains($0.key) }
            for thing in Self.mentions(words) where !negated && !found.contains(where: { $0.subject == thing }) {
                found.append(Fact(thing, .owned, "yes"))
            }
            if let thing = found.first(where: { $0.subject != Fact.speaker && $0.subject != Fact.weather })?.subject {
                currentMention = thing
            } else if let thing = Self.mentions(words).last {
                currentMention = thing
            }
            facts += found
        }
        return facts
    }

    /// Notes the things a question mentions (`I love my cat. What is its name?` works either way round).
    mutating func question(_ tokens: [Token]) {
        if let thing = Self.mentions(Phrase.tidy(tokens)).last { currentMention = thing }
    }

    /// Things named after `my` (`my cat`, `my little sister`) that the lexicon knows.
    static func mentions(_ words: [Token]) -> [String] {
        var found: [String] = []
        let keys = words.map(\.key)
        for index in keys.indices where keys[index] == "my" {
            let phrase = keys[(index + 1)...].prefix { !nounStops.contains($0) }.prefix(3)
            for length in stride(from: phrase.count, through: 1, by: -1) {
                if let key = Lexicon.thingKey(Array(phrase.prefix(length))), Lexicon.isThing(key) {
                    found.append(key)
                    break
                }
            }
        }
        return found
    }

    static let nounStops: Set<String> = [
        "is", "was", "are", "were", "'s", ",", "and", "but", "called", "named", "who", "which", "that", "has", "have",
        "lives", "likes", "loves", "goes", "in", "at", "with", "to", "of", "very", "so", "too", "a", "an", "the",
    ]

    /// The facts of one tidied clause, by the first rule that understands it.
    static func facts(in words: [Token], context: String?) -> [Fact] {
        for rule in FactRules.all {
            if let captures = rule.patterns.firstMatch(words), let facts = rule.make(captures, context),
                !facts.isEmpty
            {
                return facts
            }
        }
        return []
    }
}

/// One way of stating something: patterns and what they mean. `make` returns `nil` when the words do not fit after all.
struct FactRule: Sendable {
    let patterns: [Pattern]
    let make: @Sendable (Captures, String?) -> [Fact]?

    init(_ sources: [String], _ make: @escaping @Sendable (Captures, String?) -> [Fact]?) {
        patterns = sources.map(Pattern.init)
        self.make = make
    }
}
