/// Turns English number words into digits, cheaply: "thirty" → "30", "forty two" → "42", "three hundred and five" →
/// "305", "two thousand" → "2000", "nineteen eighty seven" → "1987", ordinals "third" / "3rd" → "3", "07" → "7".
///
/// Only words inside one clause are joined; "three, four" stays two numbers and "three four" too (units never join).
enum NumberWords {
    private static let units: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    ]
    private static let teens: [String: Int] = [
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "tenth": 10, "eleventh": 11, "twelfth": 12,
        "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
        "nineteenth": 19,
    ]
    private static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
        "eightieth": 80, "ninetieth": 90,
    ]

    /// Replaces runs of number words with one digit token each, and digit ordinals with plain digits.
    static func merge(_ tokens: [TextTokens.Token]) -> [TextTokens.Token] {
        var result: [TextTokens.Token] = []
        var index = 0
        while index < tokens.count {
            if let (value, length) = number(tokens, index) {
                var token = tokens[index]
                token.text = String(value)
                token.range = tokens[index].range.lowerBound..<tokens[index + length - 1].range.upperBound
                result.append(token)
                index += length
            } else {
                var token = tokens[index]
                token.text = digits(token.text) ?? token.text
                result.append(token)
                index += 1
            }
        }
        return result
    }

    /// "3rd" → "3", "007" → "7"; nil when the word is not a whole number.
    static func digits(_ word: String) -> String? {
        var body = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where body.hasSuffix(suffix) && body.count > 2 {
            body = body.dropLast(2)
        }
        guard !body.isEmpty, body.count <= 18, body.allSatisfy({ $0.isASCII && $0.isNumber }),
            body.count == word.count || body.count == word.count - 2, let value = Int(body)
        else { return nil }
        return String(value)
    }

    /// The value and length of the number-word run starting at `index`, if any.
    private static func number(_ tokens: [TextTokens.Token], _ index: Int) -> (Int, Int)? {
        let clause = tokens[index].clause
        func word(_ at: Int) -> String? { at < tokens.count && tokens[at].clause == clause ? tokens[at].text : nil }
        func twoDigits(_ at: Int) -> (Int, Int)? {
            guard let text = word(at) else { return nil }
            if let value = units[text] ?? teens[text] { return (value, 1) }
            guard let ten = tens[text] else { return nil }
            if let next = word(at + 1), let unit = units[next], unit > 0 { return (ten + unit, 2) }
            return (ten, 1)
        }
        func hundreds(_ at: Int) -> (Int, Int)? {
            guard var (value, length) = twoDigits(at) else { return nil }
            if word(at + length) == "hundred", value > 0 {
                value *= 100
                length += 1
                let skip = word(at + length) == "and" ? 1 : 0
                if let (rest, restLength) = twoDigits(at + length + skip) {
                    value += rest
                    length += skip + restLength
                }
            }
            return (value, length)
        }
        guard var (value, length) = hundreds(index) else { return nil }
        if word(index + length) == "thousand", value > 0 {
            value *= 1000
            length += 1
            let skip = word(index + length) == "and" ? 1 : 0
            if let (rest, restLength) = hundreds(index + length + skip) {
                value += rest
                length += skip + restLength
            }
        } else if (10...99).contains(value), let (low, lowLength) = twoDigits(index + length), (10...99).contains(low) {
            value = value * 100 + low  // a year said in pairs: "nineteen eighty seven"
            length += lowLength
        }
        return (value, length)
    }
}
