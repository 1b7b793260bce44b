/// One word as written, with the lower-case form used for matching (spelling folded: `favorite` -> `favourite`).
struct Token: Hashable, Sendable {
    var text: String
    var key: String

    init(_ text: String, key: String? = nil) {
        self.text = text
        self.key = key ?? Token.fold(text.lowercased())
    }

    static let spelling: [String: String] = [
        "favorite": "favourite", "favorites": "favourites", "fave": "favourite", "fav": "favourite",
        "color": "colour", "colors": "colours", "neighbor": "neighbour",
        "movie": "film", "movies": "films", "&": "and",
    ]

    static func fold(_ lower: String) -> String { spelling[lower] ?? lower }

    /// True when the word starts with a capital letter as written (a name, a city).
    var isCapitalized: Bool { text.first?.isUppercase == true }
}

/// One sentence of an utterance, split into tokens, with contractions expanded (`I'm` -> `i am`, `cat's` -> `cat 's`).
struct Sentence: Sendable {
    var tokens: [Token]
    /// Ended with a question mark, or starts like a question (`what`, `do`, `is`...).
    var isQuestion: Bool

    var keys: [String] { tokens.map(\.key) }
}

/// Splits text into sentences and words. Tolerant of punctuation, case and typographic apostrophes.
enum TextSplitter {
    static let questionStarts: Set<String> = [
        "what", "where", "when", "who", "whom", "whose", "which", "why", "how", "do", "does", "did", "is", "are", "am",
        "was", "were", "can", "could", "would", "will", "have", "has", "should", "tell", "remind",
    ]

    static func sentences(_ text: String) -> [Sentence] {
        var result: [Sentence] = []
        var current = ""
        let characters = Array(text)
        func flush(question: Bool) {
            let tokens = self.tokens(current)
            current = ""
            guard tokens.contains(where: { $0.key != "," }) else { return }
            let first = tokens.first { $0.key != "," }?.key ?? ""
            result.append(Sentence(tokens: tokens, isQuestion: question || questionStarts.contains(first)))
        }
        for (index, character) in characters.enumerated() {
            switch character {
            case ".":
                let between =
                    index > 0 && index + 1 < characters.count && characters[index - 1].isNumber
                    && characters[index + 1].isNumber
                if between { current.append(character) } else { flush(question: false) }
            case "!", ";", "\n", "\r": flush(question: false)
            case "?": flush(question: true)
            default: current.append(character)
            }
        }
        flush(question: false)
        return result
    }

    static func tokens(_ text: String) -> [Token] {
        var words: [String] = []
        var current = ""
        for raw in text {
            let character: Character = (raw == "\u{2019}" || raw == "\u{2018}" || raw == "`") ? "'" : raw
            if character.isLetter || character.isNumber || ((character == "'" || character == "-") && !current.isEmpty)
            {
                current.append(character)
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
                if character == "," || character == ":" { words.append(",") }
                if character == "&" { words.append("and") }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.flatMap(expand)
    }

    /// Pronouns and question words whose `'s` means `is`; after any other word it is a possessive.
    static let isBases: Set<String> = [
        "it", "he", "she", "what", "where", "who", "how", "that", "there", "here", "name", "when", "why", "which",
        "this", "everything", "everyone", "nobody", "life",
    ]

    /// Contractions typed without an apostrophe.
    static let unmarked: [String: [String]] = [
        "cannot": ["can", "not"], "im": ["i", "am"], "ive": ["i", "have"], "dont": ["do", "not"],
        "doesnt": ["does", "not"], "didnt": ["did", "not"], "whats": ["what", "is"], "wheres": ["where", "is"],
        "isnt": ["is", "not"], "youre": ["you", "are"], "cant": ["can", "not"], "hows": ["how", "is"],
    ]

    static func expand(_ raw: String) -> [Token] {
        var word = raw
        while let last = word.last, last == "-" || (last == "'" && !word.lowercased().hasSuffix("s'")) {
            word.removeLast()
        }
        if word.hasSuffix("'") { word.removeLast() }  // plural possessive: parents'
        let lower = word.lowercased()
        if let split = unmarked[lower] { return split.map { Token($0) } }
        if lower.hasSuffix("n't"), lower.count > 3 {
            let base = String(word.dropLast(3))
            let key = ["ca": "can", "wo": "will", "sha": "shall", "ai": "am"][base.lowercased()] ?? base.lowercased()
            return [Token(base, key: key), Token("not")]
        }
        for (suffix, full) in [("'m", "am"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'d", "would")]
        where lower.hasSuffix(suffix) && lower.count > suffix.count {
            return [Token(String(word.dropLast(suffix.count))), Token(full)]
        }
        if lower.hasSuffix("'s"), lower.count > 2 {
            let base = String(word.dropLast(2))
            return [Token(base), isBases.contains(base.lowercased()) ? Token("is") : Token("'s")]
        }
        return word.isEmpty ? [] : [Token(word)]
    }
}
