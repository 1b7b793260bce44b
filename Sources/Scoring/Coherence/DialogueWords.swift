/// Word lists and answer-type checks for ``ReplyFollows``, on normalised words (``TextTokens``).
enum DialogueWords {
    /// What a wh-question asks for.
    enum Kind: String, Sendable {
        case number, place, time, state, name, job, content
    }

    static let auxiliaries: Set<String> = [
        "do", "does", "did", "is", "are", "am", "was", "were", "have", "has", "had", "can", "could", "will", "would",
        "should", "shall", "may", "might", "must",
    ]
    static let persons: Set<String> = [
        "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "we", "us", "our", "ours",
    ]
    static let quantities: Set<String> = ["old", "many", "much", "long", "often", "far", "tall", "big"]
    static let states: Set<String> = [
        "fine", "good", "well", "great", "okay", "ok", "alright", "tired", "bad", "busy", "excellent", "wonderful",
        "happy", "sad", "better", "worse", "terrible", "awful", "fantastic", "splendid", "thanks", "thank",
    ]
    static let times: Set<String> = [
        "today", "tomorrow", "yesterday", "tonight", "morning", "evening", "afternoon", "night", "week", "month",
        "year", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "soon",
        "later", "never", "always", "spring", "summer", "autumn", "fall", "winter", "noon", "midnight", "ago",
    ]
    static let placeWords: Set<String> = ["in", "at", "from", "near", "on", "home", "abroad", "here", "there", "city", "town"]
    static let social: [[String]] = JudgeLexicon.phrases([
        "hi", "hello", "hey", "good morning", "good evening", "good afternoon", "morning", "bye", "goodbye",
        "see you", "thanks", "thank you", "welcome", "nice to meet you", "pleasure", "how are you", "cheers",
        "take care", "good night", "talk later", "talk to you", "any time",
    ])

    /// Replies that turn away from the question; not a responsive non-answer.
    static let deflections: [[String]] = JudgeLexicon.phrases([
        "let us talk about", "let us change the subject", "change the subject", "talk about something else",
        "ask me something else", "tell me more about", "tell me about", "what do you think", "you tell me",
    ])

    /// What a wh-question (its normalised words) asks for; nil for a yes/no question or no question word.
    static func expectedKind(_ words: [String]) -> Kind? {
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : ""
            switch word {
            case "how" where quantities.contains(next): return .number
            case "how": return .state
            case "where": return .place
            case "when": return .time
            case "who", "whom": return .name
            case "what", "which":
                if ["time", "day", "date", "year", "month"].contains(next) { return .time }
                if words.contains("living") || words.contains("job") || words.filter({ $0 == "do" }).count >= 2 {
                    return .job  // "What do you do (for a living)?", "What is your job?"
                }
                return words.contains("name") || words.contains("called") ? .name : .content
            case "why": return .content
            default: continue
            }
        }
        return nil
    }

    /// True if the reply holds something of `kind`.
    static func gives(_ kind: Kind, _ reply: TextTokens) -> Bool {
        let words = reply.words
        switch kind {
        case .number: return words.contains { Int($0) != nil }
        case .state: return words.contains(where: states.contains) || words.contains("not")
        case .time:
            return words.contains { Int($0) != nil || times.contains($0) || JudgeLexicon.months.contains($0) }
        case .place: return !names(reply).isEmpty || words.contains(where: placeWords.contains)
        case .name: return !names(reply).isEmpty
        case .job:
            // "I am a nurse", "You're an architect", "I work as / at / in …"
            return zip(words, words.dropFirst()).contains { first, second in
                (["am", "are", "is"].contains(first) && ["a", "an"].contains(second))
                    || (["work", "works", "working"].contains(first) && ["as", "at", "in", "for"].contains(second))
            }
        case .content: return false  // any word could be an answer: left to similarity ("Paris." to "What do you do?")
        }
    }

    /// Capitalised words that are not function words: "Alice", "Lisbon" (not the "am" of "I'm").
    static func names(_ text: TextTokens) -> [String] {
        text.tokens.filter { $0.capitalized && !JudgeLexicon.stopwords.contains($0.text) }.map(\.text)
    }

    /// Words that name what is talked about: not function words, but "name" and "called" count.
    static func isContent(_ word: String) -> Bool {
        !JudgeLexicon.stopwords.contains(word) || ["name", "names", "called", "call"].contains(word)
    }

    /// A greeting, thanks or farewell.
    static func isSocial(_ words: [String]) -> Bool { JudgeLexicon.containsAny(social, in: words) }

    /// The same word up to a plural or an ending: "pets"/"pet", "live"/"living".
    static func sameWord(_ a: String, _ b: String) -> Bool {
        let (x, y) = (ConsistencyContent.singular(a), ConsistencyContent.singular(b))
        if x == y { return true }
        let common = zip(x, y).prefix { $0 == $1 }.count
        return common >= 3 && common >= min(x.count, y.count) - 1
    }
}
