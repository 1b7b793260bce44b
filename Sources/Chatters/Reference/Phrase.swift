/// Helpers for the words of a statement: tidying sentences, cutting values, joining and comparing them.
enum Phrase {
    /// How far a captured value reaches.
    enum Reach {
        /// A name, a place, a job: stops at a comma or a linking word (`Paris with my wife` -> `Paris`).
        case short
        /// A date: may contain commas (`May 3, 1990`).
        case date
        /// A list of things: keeps `and` and commas (`pizza, pasta and sushi`).
        case list
    }

    static let shortStops: Set<String> = [
        ",", "and", "but", "because", "who", "which", "that", "since", "so", "when", "while", "although", "though",
        "whose", "if", "or", "with", "where", "as", "for", "nowadays", "now", "anymore",
    ]
    static let dateStops: Set<String> = ["and", "but", "because", "so", "when", "which", "who", "where", "while"]
    static let listStops: Set<String> = ["but", "because", "so", "when", "which", "who", "since", "although", "while"]
    static let trailing: [[String]] = [
        ["too"], ["as", "well"], ["now"], ["today"], ["anymore"], ["right", "now"], ["at", "the", "moment"],
        ["these", "days"], ["very", "much"], ["a", "lot"], ["so", "much"], ["please"], ["again"], ["then"],
        ["exactly"], ["actually"], ["by", "the", "way"], ["btw"], [","], ["outside"], ["here"], ["really"],
    ]

    /// The value words, cut where the value ends and without trailing filler; `nil` when nothing is left.
    static func value(_ tokens: [Token], reach: Reach = .short) -> [Token]? {
        let stops: Set<String> =
            switch reach {
            case .short: shortStops
            case .date: dateStops
            case .list: listStops
            }
        var words = Array(tokens.prefix { !stops.contains($0.key) })
        words = trimTrailing(words)
        while let first = words.first, first.key == "," { words.removeFirst() }
        return words.isEmpty ? nil : words
    }

    static func trimTrailing(_ tokens: [Token]) -> [Token] {
        var words = tokens
        var changed = true
        while changed {
            changed = false
            for tail in trailing where words.count > tail.count && words.suffix(tail.count).map(\.key) == tail {
                words.removeLast(tail.count)
                changed = true
            }
        }
        return words
    }

    /// Words as written, joined with spaces (no space before a comma).
    static func join(_ tokens: [Token]) -> String {
        var text = ""
        for token in tokens {
            if token.key == "'s" {
                text += "'s"
            } else if token.key == "," {
                text += ","
            } else {
                text += (text.isEmpty ? "" : " ") + token.text
            }
        }
        return text
    }

    /// Splits a list value into its items (`pizza, pasta and sushi`).
    static func items(_ tokens: [Token]) -> [[Token]] {
        var items: [[Token]] = [[]]
        for token in tokens {
            if [",", "and", "or"].contains(token.key) {
                items.append([])
            } else {
                items[items.count - 1].append(token)
            }
        }
        return items.map { Array($0.drop { ["also", "both", "either"].contains($0.key) }) }.filter { !$0.isEmpty }
    }

    /// The words of a value for comparing: lower case, no articles or punctuation, singular, synonyms folded.
    static func comparable(_ text: String) -> [String] {
        TextSplitter.tokens(text).map(\.key)
            .filter { !Lexicon.articles.contains($0) && $0 != "," && $0 != "'s" }
            .map { word in
                let one = Lexicon.singular(word)
                return Lexicon.synonyms[one] ?? one
            }
    }

    /// True when two values name the same thing (`the Pizza` / `pizza`, `Mittens` / `mittens`).
    static func same(_ lhs: String, _ rhs: String) -> Bool {
        let left = comparable(lhs)
        return !left.isEmpty && left == comparable(rhs)
    }

    /// True when one value contains all the words of the other (`football` / `playing football`).
    static func overlaps(_ lhs: String, _ rhs: String) -> Bool {
        let left = comparable(lhs)
        let right = comparable(rhs)
        guard !left.isEmpty, !right.isEmpty else { return false }
        return Set(left).isSubset(of: Set(right)) || Set(right).isSubset(of: Set(left))
    }

    /// The first number in a value (`34 years old` -> 34).
    static func number(in text: String) -> Int? {
        let keys = TextSplitter.tokens(text).map(\.key)
        for index in keys.indices {
            if let found = Lexicon.number(Array(keys[index...])), !["a", "an", "no", "one"].contains(keys[index]) {
                return found.value
            }
        }
        return nil
    }

    // MARK: Tidying a sentence before matching

    static let leadingFillers: [[String]] = [
        ["by", "the", "way"], ["btw"], ["well"], ["so"], ["oh"], ["ah"], ["and"], ["but"], ["also"], ["actually"],
        ["anyway"], ["ok"], ["okay"], ["yes"], ["yeah"], ["yep"], ["no"], ["nope"], ["hi", "there"],
        ["hello", "there"], ["hi"], ["hello"], ["hey"], ["um"], ["uh"], ["hmm"], ["now"], ["then"], ["today"],
        ["these", "days"], ["in", "my", "free", "time"], ["in", "my", "spare", "time"], ["honestly"], ["sure"],
        ["good", "morning"], ["good", "evening"], ["good", "afternoon"], ["great"], ["cool"], ["nice"],
        ["interesting"], ["thanks"], ["thank", "you"], ["please"], ["listen"], ["guess", "what"], ["you", "know"],
        ["of", "course"], ["fun", "fact"], [","],
    ]
    /// Adverbs dropped right after a pronoun or auxiliary (`I really like` -> `I like`).
    static let adverbs: Set<String> = [
        "really", "also", "actually", "currently", "still", "just", "truly", "definitely", "totally", "absolutely",
        "originally", "honestly", "usually", "mostly", "now", "certainly",
    ]
    static let adverbHosts: Set<String> = ["i", "we", "you", "am", "are", "is", "was", "do", "does", "did", "it"]

    /// The sentence without greetings, discourse words and adverbs that do not change its meaning.
    static func tidy(_ tokens: [Token]) -> [Token] {
        var words = tokens
        var changed = true
        while changed {
            changed = false
            for lead in leadingFillers where words.count > lead.count && words.prefix(lead.count).map(\.key) == lead {
                words.removeFirst(lead.count)
                changed = true
            }
        }
        var result: [Token] = []
        for token in words {
            if adverbs.contains(token.key), let previous = result.last?.key, adverbHosts.contains(previous) { continue }
            result.append(token)
        }
        return trimTrailing(result)
    }

    /// Splits a statement into clauses at a comma or `and`/`but` that starts a new clause
    /// (`I have a dog, his name is Rex` -> two clauses).
    static func clauses(_ tokens: [Token]) -> [[Token]] {
        let starters: Set<String> = ["i", "it", "its", "he", "his", "she", "her", "they", "their", "we"]
        var clauses: [[Token]] = [[]]
        var index = 0
        while index < tokens.count {
            let key = tokens[index].key
            let next = index + 1 < tokens.count ? tokens[index + 1].key : ""
            let nextAfter = index + 2 < tokens.count ? tokens[index + 2].key : ""
            if key == ",", starters.contains(next) || next == "my" {
                clauses.append([])
            } else if ["and", "but", "so", "because"].contains(key) || (key == "," && ["and", "but"].contains(next)) {
                let starter = key == "," ? nextAfter : next
                if starters.contains(starter) && !clauses[clauses.count - 1].isEmpty {
                    clauses.append([])
                    if key == "," { index += 1 }
                } else {
                    clauses[clauses.count - 1].append(tokens[index])
                }
            } else {
                clauses[clauses.count - 1].append(tokens[index])
            }
            index += 1
        }
        return clauses.filter { !$0.isEmpty }
    }
}
