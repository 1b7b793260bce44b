/// The character classes of Hugging Face's BERT normalizer and pre-tokenizer.
enum BertCharacters {
    /// Tab, newline, carriage return, or Unicode White_Space.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20: return true
        case 0..<0x80: return scalar.value == 0x0B || scalar.value == 0x0C
        default: return scalar.properties.isWhitespace
        }
    }

    /// Control, format, private-use and surrogate characters (Cc, Cf, Co, Cs; not unassigned ones) except tab,
    /// newline and carriage return: removed by the normalizer.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x20..<0x7F: return false
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .privateUse, .surrogate: return true
            default: return false
            }
        }
    }

    /// ASCII punctuation (`!` to `/`, `:` to `@`, `[` to `` ` ``, `{` to `~`) or any Unicode P* character.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value)
                || (123...126).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// The CJK ideograph blocks BERT puts spaces around (the ranges of Hugging Face's `is_chinese_char`).
    static func isChineseIdeograph(_ value: UInt32) -> Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
            0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
