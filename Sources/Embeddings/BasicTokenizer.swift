import Foundation

/// BERT's basic tokenizer as Hugging Face's fast `BertNormalizer` + `BertPreTokenizer` do it for uncased models:
/// drop NUL, U+FFFD and control/format characters (zero-width spaces, joiners, BOM, soft hyphen...), turn white
/// space into spaces, put spaces around CJK ideographs, strip accents (NFD, then drop non-spacing marks),
/// lower-case character by character, then split on white space and isolate every punctuation character.
public struct BasicTokenizer: Sendable {
    public init() {}

    /// The words of `text`, normalized.
    public func words(_ text: String) -> [String] {
        var cleaned = String.UnicodeScalarView()
        var isASCII = true
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0 || value == 0xFFFD || BertCharacters.isControl(scalar) { continue }
            if BertCharacters.isWhitespace(scalar) {
                cleaned.append(" ")
            } else if BertCharacters.isChineseIdeograph(value) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
                isASCII = false
            } else {
                cleaned.append(scalar)
                if value >= 0x80 { isASCII = false }
            }
        }
        let stripped = isASCII ? cleaned : Self.stripAccents(String(cleaned))
        var lowered = String.UnicodeScalarView()
        for scalar in stripped {
            if scalar.isASCII {
                lowered.append(Unicode.Scalar(UInt8(ascii: scalar) | (scalar.value >= 65 && scalar.value <= 90 ? 0x20 : 0)))
            } else {
                lowered.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return split(lowered)
    }

    /// NFD, then without non-spacing marks (Mn).
    private static func stripAccents(_ text: String) -> String.UnicodeScalarView {
        var result = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            result.append(scalar)
        }
        return result
    }

    /// Splits on white space and makes each punctuation character a word of its own.
    private func split(_ scalars: String.UnicodeScalarView) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { words.append(String(current)); current = String.UnicodeScalarView() }
        }
        for scalar in scalars {
            if BertCharacters.isWhitespace(scalar) {
                flush()
            } else if BertCharacters.isPunctuation(scalar) {
                flush()
                words.append(String(scalar))
            } else {
                current.append(scalar)
            }
        }
        flush()
        return words
    }
}

private extension UInt8 {
    init(ascii scalar: Unicode.Scalar) { self = UInt8(truncatingIfNeeded: scalar.value) }
}
