/// `extract_float` and `currency`: numbers and currencies read out of a bot's text.
enum NumberHelpers {
    static let helpers: [RuleHelper] = [
        RuleHelper(
            "extract_float", ["text"], required: 1,
            "The first number in the text, sign kept: decimal commas (\"12,50 €\" → 12.5) and thousands separators "
                + "(\"1,234.5\" → 1234.5) read as people write them; None when there is none (or the text is None)."
        ) { _, values in
            switch values[0]! {
            case .none: return .none
            case .int, .double, .bool: return .double(values[0]!.number!)
            case .string(let text): return extractFloat(text).map { .double($0) } ?? .none
            default: throw RuleEvaluationError.type("extract_float() expects a string, not '\(values[0]!.typeName)'")
            }
        },
        RuleHelper(
            "currency", ["text"], required: 1,
            "The ISO code of the currency the text names: a symbol ($ € £ ¥ ₹), a code (USD EUR GBP JPY INR) or a "
                + "name (dollars, euros...; any case); None when none."
        ) { _, values in
            guard case .string(let text) = values[0]! else {
                if case .none = values[0]! { return .none }
                throw RuleEvaluationError.type("currency() expects a string, not '\(values[0]!.typeName)'")
            }
            return currency(text).map { .string($0) } ?? .none
        },
    ]

    /// The first number in `text`. A group of digits with `,` and `.` in it is read as people write amounts: the
    /// last separator is the decimal point when it is followed by other than exactly three digits or when both
    /// kinds appear; otherwise separators group thousands.
    static func extractFloat(_ text: String) -> Double? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let c = scalars[index]
            let startsNumber = isDigit(c) || (c == "." && index + 1 < scalars.count && isDigit(scalars[index + 1]))
            guard startsNumber else {
                index += 1
                continue
            }
            var negative = false
            if index > 0, ["-", "\u{2212}"].contains(scalars[index - 1]) { negative = true }
            var token = ""
            var end = index
            while end < scalars.count {
                let d = scalars[end]
                if isDigit(d) {
                    token.unicodeScalars.append(d)
                } else if (d == "," || d == "."), end + 1 < scalars.count, isDigit(scalars[end + 1]) {
                    token.unicodeScalars.append(d)
                } else {
                    break
                }
                end += 1
            }
            guard let value = interpret(token) else { return nil }
            return negative ? -value : value
        }
        return nil
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    private static func interpret(_ token: String) -> Double? {
        let commas = token.count { $0 == "," }
        let dots = token.count { $0 == "." }
        var normalized = token
        if commas > 0 && dots > 0 {
            let lastComma = token.lastIndex(of: ",")!
            let lastDot = token.lastIndex(of: ".")!
            let decimal: Character = lastComma > lastDot ? "," : "."
            let thousands: Character = decimal == "," ? "." : ","
            normalized = String(token.filter { $0 != thousands }.map { $0 == decimal ? "." : $0 })
        } else if commas > 0 || dots > 0 {
            let separator: Character = commas > 0 ? "," : "."
            let count = max(commas, dots)
            let after = token.split(separator: separator, omittingEmptySubsequences: false).last ?? ""
            if count > 1 || (after.count == 3 && separator == ",") {
                normalized = token.filter { $0 != separator }
            } else {
                normalized = token.replacingOccurrences(of: String(separator), with: ".")
            }
            // Several dots, each before three digits: "1.234.567" groups thousands.
            if count > 1, separator == "." {
                let groups = token.split(separator: ".").dropFirst()
                if !groups.allSatisfy({ $0.count == 3 }) {
                    let lastDot = token.lastIndex(of: ".")!
                    normalized = token[..<lastDot].filter { $0 != "." } + "." + token[token.index(after: lastDot)...]
                }
            }
        }
        if normalized.hasPrefix(".") { normalized = "0" + normalized }
        return Double(normalized)
    }

    private static let symbols: [(String, String)] = [("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₹", "INR")]
    private static let codes = ["USD", "EUR", "GBP", "JPY", "INR"]
    private static let names: [(String, String)] = [
        ("dollar", "USD"), ("euro", "EUR"), ("pound", "GBP"), ("yen", "JPY"), ("rupee", "INR"),
    ]

    static func currency(_ text: String) -> String? {
        for (symbol, code) in symbols where text.contains(symbol) { return code }
        let words = text.split { !$0.isLetter }.map(String.init)
        for word in words where codes.contains(word.uppercased()) && word.count == 3 {
            if word == word.uppercased() { return word }
        }
        for word in words {
            let lowered = word.lowercased()
            for (name, code) in names where lowered == name || lowered == name + "s" { return code }
        }
        return nil
    }
}
