/// Python's `str()` and `repr()` of rule values.
extension RuleValue {
    /// `str(value)`: strings as they are, everything else as its repr.
    public var text: String {
        if case .string(let text) = self { return text }
        return repr
    }

    /// `repr(value)`: `None`, `True`, `3`, `2.5`, `'text'`, `[1, 'a']`, `{'k': 1}`, `namespace(a=1)`.
    public var repr: String {
        switch self {
        case .none: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .int(let number): return String(number)
        case .double(let number): return Self.floatRepr(number)
        case .string(let text): return Self.quoted(text)
        case .list(let items): return "[" + items.map(\.repr).joined(separator: ", ") + "]"
        case .dict(let dict):
            return "{" + zip(dict.keys, dict.values).map { "\($0.repr): \($1.repr)" }.joined(separator: ", ") + "}"
        case .record(let record):
            return "namespace(" + record.fields.keys.sorted().map { "\($0)=\(record.fields[$0]!.repr)" }.joined(separator: ", ") + ")"
        case .function(let function): return "<function \(function.name)>"
        }
    }

    /// Python's float repr: the shortest text that reads back as the same number (`1.0`, `0.1`, `1e+16`).
    static func floatRepr(_ number: Double) -> String {
        if number.isNaN { return "nan" }
        if number.isInfinite { return number < 0 ? "-inf" : "inf" }
        return number.description
    }

    /// A string in Python's quotes: single unless the text holds a single quote and no double one.
    static func quoted(_ text: String) -> String {
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var result = String(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if Character(scalar) == quote {
                    result += "\\\(quote)"
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        result.append(quote)
        return result
    }
}
