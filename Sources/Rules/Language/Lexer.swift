/// Splits a rule expression into tokens: Python's numbers, strings (with `r` and `f` prefixes), names, operators;
/// line breaks end statements except inside brackets; `#` starts a comment.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var brackets: [(scalar: Unicode.Scalar, offset: Int)] = []
    /// The longest expression a rule may hold (a rule file is a few lines; a fuzzer's input may be anything).
    static let maxLength = 100_000

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    static func tokens(_ text: String) throws(RuleSyntaxError) -> [Token] {
        var lexer = Lexer(text)
        guard lexer.scalars.count <= maxLength else {
            throw RuleSyntaxError(offset: 0, message: "the expression is longer than \(maxLength) characters")
        }
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            // Blank lines and leading line breaks make no empty statements.
            if token.kind == .newline, tokens.last.map({ $0.kind == .newline }) ?? true { continue }
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    private mutating func next() throws(RuleSyntaxError) -> Token {
        while let scalar = peek() {
            if scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}" {
                position += 1
            } else if scalar == "\\", peek(1) == "\n" {
                position += 2
            } else if scalar == "#" {
                while let c = peek(), c != "\n" { position += 1 }
            } else if scalar == "\n", !brackets.isEmpty {
                position += 1
            } else {
                break
            }
        }
        let start = position
        guard let scalar = peek() else {
            if let open = brackets.last {
                throw RuleSyntaxError(offset: open.offset, message: "'\(open.scalar)' is never closed")
            }
            return Token(kind: .end, offset: start)
        }
        if scalar == "\n" || scalar == ";" {
            position += 1
            return Token(kind: .newline, offset: start)
        }
        if Self.isDigit(scalar) || (scalar == "." && peek(1).map(Self.isDigit) == true) {
            return try number()
        }
        if scalar == "\"" || scalar == "'" { return try string(raw: false, formatted: false) }
        if Self.isNameStart(scalar) {
            var name = ""
            while let c = peek(), Self.isNamePart(c) {
                name.unicodeScalars.append(c)
                position += 1
            }
            let lowered = name.lowercased()
            if lowered.count <= 2, lowered.allSatisfy({ "rfbu".contains($0) }), let quote = peek(), quote == "\"" || quote == "'" {
                if lowered.contains("b") || lowered.contains("u") && lowered.count > 1 {
                    throw RuleSyntaxError(offset: start, message: "'\(name)' strings are not part of the rule language")
                }
                position = start + name.unicodeScalars.count
                var token = try string(raw: lowered.contains("r"), formatted: lowered.contains("f"))
                token.offset = start
                return token
            }
            return Token(kind: .name(name), offset: start)
        }
        return try symbol(scalar, start: start)
    }

    private mutating func symbol(_ scalar: Unicode.Scalar, start: Int) throws(RuleSyntaxError) -> Token {
        let three = ["**=", "//=", "..."]
        let two = ["==", "!=", "<=", ">=", "//", "**", "+=", "-=", "*=", "/=", "%=", "->", ":="]
        for candidate in three + two {
            let parts = Array(candidate.unicodeScalars)
            if (0..<parts.count).allSatisfy({ peek($0) == parts[$0] }) {
                position += parts.count
                return Token(kind: .symbol(candidate), offset: start)
            }
        }
        position += 1
        switch scalar {
        case "(", "[", "{":
            if brackets.count >= Parser.maxDepth {
                throw RuleSyntaxError(offset: start, message: "brackets are nested more than \(Parser.maxDepth) deep")
            }
            brackets.append((scalar, start))
        case ")", "]", "}":
            let expected: Unicode.Scalar = scalar == ")" ? "(" : scalar == "]" ? "[" : "{"
            guard brackets.last?.scalar == expected else {
                throw RuleSyntaxError(offset: start, message: "'\(scalar)' does not match any open bracket")
            }
            brackets.removeLast()
        case "+", "-", "*", "/", "%", "<", ">", "=", ".", ",", ":", "~", "|", "&", "^", "@":
            break
        default:
            throw RuleSyntaxError(
                offset: start, message: "the character '\(Self.shown(scalar))' is not part of the rule language")
        }
        return Token(kind: .symbol(String(Character(scalar))), offset: start)
    }

    private mutating func number() throws(RuleSyntaxError) -> Token {
        let start = position
        var text = ""
        var isFloat = false
        func digits() {
            while let c = peek(), Self.isDigit(c) || c == "_" {
                if c != "_" { text.unicodeScalars.append(c) }
                position += 1
            }
        }
        digits()
        if peek() == ".", peek(1).map({ !Self.isNameStart($0) }) ?? true {
            isFloat = true
            text += "."
            position += 1
            digits()
        }
        if let e = peek(), e == "e" || e == "E",
            let after = peek(1), Self.isDigit(after) || ((after == "+" || after == "-") && peek(2).map(Self.isDigit) == true)
        {
            isFloat = true
            text += "e"
            position += 1
            if let sign = peek(), sign == "+" || sign == "-" {
                text.unicodeScalars.append(sign)
                position += 1
            }
            digits()
        }
        if let c = peek(), Self.isNamePart(c) {
            throw RuleSyntaxError(offset: position, message: "invalid number literal")
        }
        if isFloat {
            guard let value = Double(text.hasPrefix(".") ? "0" + text : text) else {
                throw RuleSyntaxError(offset: start, message: "invalid number literal")
            }
            return Token(kind: .double(value), offset: start)
        }
        guard text.allSatisfy(\.isASCII), let value = Int(text) else {
            throw RuleSyntaxError(offset: start, message: "the integer \(text.prefix(30)) is too large (the limit is \(Int.max))")
        }
        if text.count > 1, text.hasPrefix("0"), value != 0 {
            throw RuleSyntaxError(offset: start, message: "leading zeros in an integer are not allowed")
        }
        return Token(kind: .int(value), offset: start)
    }

    private mutating func string(raw: Bool, formatted: Bool) throws(RuleSyntaxError) -> Token {
        let start = position
        guard let quote = peek() else { throw RuleSyntaxError(offset: start, message: "expected a string") }
        let triple = peek(1) == quote && peek(2) == quote
        position += triple ? 3 : 1
        let contentStart = position
        var content = ""
        while true {
            guard let c = peek() else {
                throw RuleSyntaxError(offset: start, message: "this string is never closed")
            }
            if c == quote, !triple || (peek(1) == quote && peek(2) == quote) {
                position += triple ? 3 : 1
                break
            }
            if c == "\n", !triple {
                throw RuleSyntaxError(offset: start, message: "this string is never closed on its line")
            }
            if c == "\\", let escaped = peek(1) {
                content.unicodeScalars.append(c)
                content.unicodeScalars.append(escaped)
                position += 2
                continue
            }
            content.unicodeScalars.append(c)
            position += 1
        }
        if formatted { return Token(kind: .fstring(raw ? Self.rawMarker + content : content, contentOffset: contentStart), offset: start) }
        return Token(kind: .string(raw ? content : try Self.unescape(content, offset: contentStart)), offset: start)
    }

    /// Marks an f-string's content as raw (`rf"..."`): escapes are kept as written.
    static let rawMarker = "\u{0}raw\u{0}"

    /// Python's backslash escapes: `\n \t \r \\ \' \" \0 \xhh \uhhhh \Uhhhhhhhh`; unknown ones stay as written.
    static func unescape(_ text: String, offset: Int) throws(RuleSyntaxError) -> String {
        guard text.unicodeScalars.contains("\\") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = ""
        var index = 0
        while index < scalars.count {
            let c = scalars[index]
            guard c == "\\", index + 1 < scalars.count else {
                result.unicodeScalars.append(c)
                index += 1
                continue
            }
            let e = scalars[index + 1]
            index += 2
            switch e {
            case "n": result += "\n"
            case "t": result += "\t"
            case "r": result += "\r"
            case "0": result += "\u{0}"
            case "\\", "'", "\"": result.unicodeScalars.append(e)
            case "\n": break
            case "x", "u", "U":
                let width = e == "x" ? 2 : e == "u" ? 4 : 8
                let hex = String(String.UnicodeScalarView(scalars[index..<min(scalars.count, index + width)]))
                guard hex.count == width, let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                    throw RuleSyntaxError(offset: offset + index - 2, message: "invalid \\\(e) escape")
                }
                result.unicodeScalars.append(scalar)
                index += width
            default:
                result.unicodeScalars.append("\\")
                result.unicodeScalars.append(e)
            }
        }
        return result
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic
    }

    static func isNamePart(_ c: Unicode.Scalar) -> Bool {
        isNameStart(c) || c.properties.generalCategory == .decimalNumber
    }

    static func shown(_ scalar: Unicode.Scalar) -> String {
        scalar.value < 0x20 || scalar.value == 0x7F ? "\\u{\(String(scalar.value, radix: 16))}" : String(Character(scalar))
    }
}
