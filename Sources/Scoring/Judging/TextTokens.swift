/// A reply (or question, or expected answer) cut into normalised words, for the answer judges.
///
/// Normalisation: lower case, accents removed ("Amélie" → "amelie"), curly apostrophes straightened, contractions
/// expanded ("don't" → "do not", "it's" → "it is", "you're" → "you are"), possessive `'s` dropped ("dog's" → "dog"),
/// hyphenated words split ("forty-two" → "forty two"), and number words turned into digits ("forty two" → "42",
/// "nineteen eighty-seven" → "1987", "3rd" → "3", "third" → "3"). Every token keeps the range of the original text it
/// came from, so a judge can quote what it took as the answer.
///
/// Sentences end at `.`, `!`, `?` or a line break; clauses additionally at `,`, `;`, `:`, brackets, quotes and dashes
/// standing alone ("No - sorry, yes"). A sentence is a question when its end holds a `?`.
public struct TextTokens: Sendable {
    /// One normalised word.
    public struct Token: Sendable, Hashable {
        public var text: String
        /// Where it came from in ``TextTokens/original``.
        public var range: Range<String.Index>
        public var sentence: Int
        public var clause: Int
        /// The original word began with an upper-case letter.
        public var capitalized: Bool
        /// The word is the first one of its sentence.
        public var sentenceInitial: Bool
    }

    public let original: String
    public private(set) var tokens: [Token]
    /// Indices of the sentences that end with a question mark.
    public private(set) var questionSentences: Set<Int>

    public init(_ text: String) {
        original = text
        let scan = TextScanner.scan(text)
        questionSentences = scan.questions
        tokens = NumberWords.merge(scan.tokens)
    }

    /// The normalised words only.
    public var words: [String] { tokens.map(\.text) }

    public var isEmpty: Bool { tokens.isEmpty }

    public func isQuestion(_ token: Token) -> Bool { questionSentences.contains(token.sentence) }

    /// The original text covered by tokens `range` (e.g. "Volkswagen Golf").
    public func quote(_ range: Range<Int>) -> String {
        guard let first = range.first, range.upperBound <= tokens.count, range.lowerBound < range.upperBound else {
            return ""
        }
        return String(original[tokens[first].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound])
    }

    /// Positions where `phrase` (normalised words) occurs as a contiguous run.
    public func occurrences(of phrase: [String]) -> [Int] {
        guard !phrase.isEmpty, phrase.count <= tokens.count else { return [] }
        return (0...(tokens.count - phrase.count)).filter { start in
            phrase.indices.allSatisfy { tokens[start + $0].text == phrase[$0] }
        }
    }

    /// The normalised words of a short text, e.g. an expected answer.
    public static func words(_ text: String) -> [String] { TextTokens(text).words }
}
