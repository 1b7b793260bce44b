/// scikit-learn's default word tokenizer: the matches of `(?u)\b\w\w+\b` in Python's `re`, after Python's
/// `str.lower()`.
///
/// Works on Unicode scalars, as Python strings do. A word character (`\w`) is `_` or what Python calls alphanumeric: a
/// letter (general category Lu, Ll, Lt, Lm, Lo) or a character with a numeric type (decimal, digit or numeric). With
/// `\b` on both sides and a greedy `\w\w+`, the tokens are the maximal runs of word characters at least two long.
public enum WordTokenizer {
    public static func tokens(_ text: String, lowercase: Bool) -> [String] {
        let scalars = lowercase ? pythonLower(text) : Array(text.unicodeScalars)
        var tokens: [String] = []
        var run = String.UnicodeScalarView()
        var length = 0
        func flush() {
            if length >= 2 { tokens.append(String(run)) }
            run = String.UnicodeScalarView()
            length = 0
        }
        for scalar in scalars {
            if isWord(scalar) {
                run.append(scalar)
                length += 1
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    /// Python's `\w` for a str pattern.
    public static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return properties.numericType != nil
        }
    }

    /// Python's `str.lower()`: the full lowercase mapping of every scalar, with capital sigma becoming final sigma at
    /// the end of a word (preceded by a cased letter and not followed by one, skipping case-ignorable characters).
    public static func pythonLower(_ text: String) -> [Unicode.Scalar] {
        let scalars = Array(text.unicodeScalars)
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        for (position, scalar) in scalars.enumerated() {
            if scalar.value == 0x03A3 {
                result.append(isFinalSigma(scalars, at: position) ? "\u{03C2}" : "\u{03C3}")
            } else if scalar.isASCII {
                result.append(scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return result
    }

    private static func isFinalSigma(_ scalars: [Unicode.Scalar], at position: Int) -> Bool {
        var before = position - 1
        while before >= 0, scalars[before].properties.isCaseIgnorable { before -= 1 }
        guard before >= 0, scalars[before].properties.isCased else { return false }
        var after = position + 1
        while after < scalars.count, scalars[after].properties.isCaseIgnorable { after += 1 }
        return !(after < scalars.count && scalars[after].properties.isCased)
    }
}
