/// One token of a rule expression, with the offset (in Unicode scalars) where it starts.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case int(Int)
        case double(Double)
        /// A string literal, escapes processed.
        case string(String)
        /// An f-string's raw content (escapes not yet processed) and the offset where that content starts.
        case fstring(String, contentOffset: Int)
        case name(String)
        /// An operator or punctuation: `+`, `==`, `(`, `,`...
        case symbol(String)
        /// The end of a statement (a line break outside brackets, or `;`).
        case newline
        case end
    }

    var kind: Kind
    var offset: Int

    /// How the token reads in a message.
    var shown: String {
        switch kind {
        case .int(let number): return "\(number)"
        case .double(let number): return "\(number)"
        case .string: return "a string"
        case .fstring: return "an f-string"
        case .name(let name): return "'\(name)'"
        case .symbol(let symbol): return "'\(symbol)'"
        case .newline: return "the end of the line"
        case .end: return "the end of the expression"
        }
    }
}

/// Words the language reserves; `import`, `lambda`, `def` and the like are refused with a clear message.
enum Keyword {
    static let operators: Set<String> = ["and", "or", "not", "in", "is", "if", "else", "for"]
    static let constants: Set<String> = ["None", "True", "False"]
    static let refused: Set<String> = [
        "import", "from", "lambda", "def", "class", "while", "global", "nonlocal", "del", "exec", "eval", "with",
        "yield", "return", "try", "except", "raise", "assert", "async", "await", "elif", "pass", "break", "continue",
        "as", "finally",
    ]
}
