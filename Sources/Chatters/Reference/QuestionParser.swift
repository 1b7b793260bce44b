/// Reads a question into a ``Query``: "What's the name of my cat?" -> `.open(.thing("cat", "cat"), .name)`.
///
/// Questions about the bot ("What is your name?") are turned round into first person ("What is my name?") and
/// flagged, so one set of patterns serves both the speaker's facts and the bot's persona.
enum QuestionParser {
    struct Parsed: Sendable, Hashable {
        var query: Query
        /// True when the question is about the bot rather than the one asking.
        var aboutBot: Bool
    }

    static let askPrefixes: [[String]] = [
        ["do", "you", "still", "know"], ["do", "you", "know"], ["do", "you", "remember"], ["do", "you", "recall"],
        ["can", "you", "remember"], ["can", "you", "tell", "me"], ["could", "you", "tell", "me"],
        ["would", "you", "tell", "me"], ["can", "you", "remind", "me"], ["could", "you", "remind", "me"],
        ["please", "tell", "me"], ["tell", "me"], ["remind", "me"], ["i", "wonder"],
        ["i", "would", "like", "to", "know"],
        ["i", "want", "to", "know"], ["guess"],
    ]

    static func parse(_ sentence: [Token]) -> Parsed? {
        var words = Phrase.tidy(sentence).filter { $0.key != "," }
        var embedded = false
        for prefix in askPrefixes where words.count > prefix.count && words.prefix(prefix.count).map(\.key) == prefix {
            words.removeFirst(prefix.count)
            embedded = true
            break
        }
        if let first = words.first?.key, ["if", "whether"].contains(first) {
            words.removeFirst()
        }
        guard !words.isEmpty else { return nil }
        if let robot = robot(words.map(\.key)) { return Parsed(query: robot, aboutBot: true) }
        let keys = Set(words.map(\.key))
        let aboutBot =
            !keys.isDisjoint(with: ["you", "your", "yours", "yourself"])
            && keys.isDisjoint(with: ["i", "my", "me", "mine", "myself"])
        if aboutBot { words = turnRound(words) }
        if embedded || !questionWords.contains(words[0].key) || words.count > 2 { words = questionOrder(words) }
        guard let query = QuestionRules.query(words) else { return nil }
        return Parsed(query: query, aboutBot: aboutBot)
    }

    /// `Are you a robot?`, `Are you human?`, `Is this a bot?`
    static func robot(_ keys: [String]) -> Query? {
        let machine: Set<String> = [
            "robot", "bot", "machine", "computer", "program", "programme", "ai", "chatbot", "software", "android",
            "artificial",
        ]
        let person: Set<String> = ["human", "person", "real", "alive", "man", "woman", "being"]
        guard keys.count <= 7, ["are", "is"].contains(keys[0]), keys.contains("you") || keys.contains("this")
        else { return nil }
        if keys.contains(where: machine.contains) { return .robot(human: false) }
        if keys.contains(where: person.contains) { return .robot(human: true) }
        return nil
    }

    /// "What is your name?" -> "What is my name?"
    static func turnRound(_ words: [Token]) -> [Token] {
        let keys = words.map(\.key)
        return words.indices.map { index in
            let near =
                (index > 0 && keys[index - 1] == "you") || (index + 1 < keys.count && keys[index + 1] == "you")
            switch keys[index] {
            case "you": return Token("I", key: "i")
            case "your": return Token("my")
            case "yours": return Token("mine")
            case "yourself": return Token("myself")
            case "are" where near: return Token("am")
            case "were" where near: return Token("was")
            default: return words[index]
            }
        }
    }

    static let auxiliaries: Set<String> = [
        "do", "does", "did", "is", "am", "are", "was", "were", "have", "has", "can", "could", "will", "would",
    ]
    static let questionWords: Set<String> = ["what", "where", "when", "who", "how", "which", "whose", "why"]

    /// Puts embedded or statement-like questions into question order: "where I live" -> "where do I live",
    /// "what my cat is called" -> "what is my cat called", "I have a cat" -> "do I have a cat", "my name" ->
    /// "what is my name".
    static func questionOrder(_ words: [Token]) -> [Token] {
        let keys = words.map(\.key)
        var head: [Token] = []
        var rest = words
        if questionWords.contains(keys[0]) {
            guard let start = keys.firstIndex(where: { $0 == "i" || $0 == "my" }), start <= 5 else { return words }
            let before = keys[start - 1]
            if auxiliaries.contains(before) || ["of", "in", "to", "for", "with", "at", "about"].contains(before) {
                return words
            }
            head = Array(words[..<start])
            rest = Array(words[start...])
        } else if auxiliaries.contains(keys[0]) {
            return words
        }
        let restKeys = rest.map(\.key)
        guard let first = restKeys.first else { return words }
        if first == "i", restKeys.count > 1, ["am", "was"].contains(restKeys[1]) {
            return head + [rest[1], rest[0]] + rest.dropFirst(2)
        }
        if first == "my" {
            if let verb = restKeys.firstIndex(where: { ["is", "was", "are"].contains($0) }), verb <= 5 {
                var moved = rest
                let be = moved.remove(at: verb)
                return head + [be] + moved
            }
            return head.isEmpty ? [Token("what"), Token("is")] + rest : words
        }
        if first == "i", restKeys.count > 1, !auxiliaries.contains(restKeys[1]) {
            let past =
                restKeys[1].hasSuffix("ed") || ["grew", "came", "drove", "had", "said", "told"].contains(restKeys[1])
            return head + [Token(past ? "did" : "do")] + rest
        }
        if head.isEmpty, restKeys.starts(with: ["the", "name", "of"]) {
            return [Token("what"), Token("is")] + rest
        }
        return words
    }
}
