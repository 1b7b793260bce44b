import Foundation

/// Python's format-spec mini-language for f-string fields (`{x:.2f}`, `{n:>5}`, `{ratio:.1%}`, `{count:,d}`):
/// fill and alignment, sign, zero padding, width, `,`/`_` grouping, precision and the types
/// `d s f F e E g G % x X o b`.
enum FormatSpec {
    private struct Parts {
        var fill: Character = " "
        var align: Character?
        var sign: Character = "-"
        var width = 0
        var grouping: Character?
        var precision: Int?
        var type: Character?
    }

    static func format(_ value: RuleValue, spec: String, budget: RuleBudget) throws -> String {
        if spec.isEmpty { return value.text }
        let parts = try parse(spec)
        try Operations.checkSize(parts.width, budget)
        var body: String
        var isNumber = true
        switch value {
        case .string(let text):
            guard parts.type == nil || parts.type == "s", parts.sign == "-", parts.grouping == nil else {
                throw invalid(spec, value)
            }
            isNumber = false
            body = parts.precision.map { String(text.unicodeScalars.prefix($0).map(Character.init)) } ?? text
        case .bool, .int:
            let number = value.integer!
            if let type = parts.type, "eEfFgG%".contains(type) {
                body = try floating(Double(number), parts, spec, value)
            } else {
                guard parts.precision == nil else {
                    throw RuleEvaluationError.value("Precision not allowed in integer format specifier")
                }
                if parts.type == nil, case .bool(let flag) = value, parts.sign == "-" {
                    body = flag ? "True" : "False"
                    isNumber = false
                } else {
                    body = try integer(number, parts, spec, value)
                }
            }
        case .double(let number):
            body = try floating(number, parts, spec, value)
        default:
            throw RuleEvaluationError.type("unsupported format string passed to \(value.typeName).__format__")
        }
        return pad(body, parts, isNumber: isNumber)
    }

    private static func parse(_ spec: String) throws -> Parts {
        var parts = Parts()
        var characters = Array(spec)[...]
        let aligns: Set<Character> = ["<", ">", "^", "="]
        if characters.count >= 2, aligns.contains(characters[characters.startIndex + 1]) {
            parts.fill = characters.removeFirst()
            parts.align = characters.removeFirst()
        } else if let first = characters.first, aligns.contains(first) {
            parts.align = characters.removeFirst()
        }
        if let first = characters.first, "+- ".contains(first) { parts.sign = characters.removeFirst() }
        if characters.first == "#" { characters.removeFirst() }
        if characters.first == "0" {
            characters.removeFirst()
            if parts.align == nil {
                parts.fill = "0"
                parts.align = "="
            }
        }
        var width = ""
        while let c = characters.first, c.isASCII, c.isNumber { width.append(characters.removeFirst()) }
        guard width.count <= 9 else { throw RuleEvaluationError.value("Too many decimal digits in format string") }
        parts.width = Int(width) ?? 0
        if let c = characters.first, c == "," || c == "_" { parts.grouping = characters.removeFirst() }
        if characters.first == "." {
            characters.removeFirst()
            var digits = ""
            while let c = characters.first, c.isASCII, c.isNumber { digits.append(characters.removeFirst()) }
            guard !digits.isEmpty, digits.count <= 4 else { throw RuleEvaluationError.value("Format specifier missing precision") }
            parts.precision = Int(digits)
        }
        if let c = characters.first {
            guard "dsfFeEgG%xXob".contains(c) else {
                throw RuleEvaluationError.value("Invalid format specifier '\(spec)'")
            }
            parts.type = characters.removeFirst()
        }
        guard characters.isEmpty else { throw RuleEvaluationError.value("Invalid format specifier '\(spec)'") }
        return parts
    }

    private static func integer(_ number: Int, _ parts: Parts, _ spec: String, _ value: RuleValue) throws -> String {
        let magnitude = number.magnitude
        var digits: String
        switch parts.type {
        case nil, "d": digits = group(String(magnitude), parts.grouping)
        case "x": digits = String(magnitude, radix: 16)
        case "X": digits = String(magnitude, radix: 16, uppercase: true)
        case "o": digits = String(magnitude, radix: 8)
        case "b": digits = String(magnitude, radix: 2)
        default: throw invalid(spec, value)
        }
        digits = sign(number < 0, parts) + digits
        return digits
    }

    private static func floating(_ number: Double, _ parts: Parts, _ spec: String, _ value: RuleValue) throws -> String {
        guard parts.type != "d", parts.type != "s" else { throw invalid(spec, value) }
        guard number.isFinite else {
            let text = number.isNaN ? "nan" : "inf"
            return sign(number < 0, parts) + (parts.type.map { $0.isUppercase } == true ? text.uppercased() : text)
        }
        let magnitude = abs(number)
        let precision = parts.precision ?? 6
        var body: String
        switch parts.type {
        case "f", "F": body = String(format: "%.\(precision)f", magnitude)
        case "e", "E": body = String(format: "%.\(precision)\(parts.type!)", magnitude)
        case "g", "G": body = String(format: "%.\(max(precision, 1))\(parts.type!)", magnitude)
        case "%": body = String(format: "%.\(precision)f", magnitude * 100) + "%"
        default:
            if let precision = parts.precision {
                body = String(format: "%.\(max(precision, 1))g", magnitude)
                if !body.contains(".") && !body.contains("e") && !body.contains("inf") { body += "" }
            } else {
                body = RuleValue.floatRepr(magnitude)
            }
        }
        if let grouping = parts.grouping {
            let integerEnd = body.firstIndex { !$0.isNumber } ?? body.endIndex
            body = group(String(body[..<integerEnd]), grouping) + body[integerEnd...]
        }
        let negative = number < 0 || (number == 0 && number.sign == .minus)
        return sign(negative, parts) + body
    }

    private static func sign(_ negative: Bool, _ parts: Parts) -> String {
        if negative { return "-" }
        return parts.sign == "+" ? "+" : parts.sign == " " ? " " : ""
    }

    private static func group(_ digits: String, _ separator: Character?) -> String {
        guard let separator, digits.count > 3 else { return digits }
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(separator) }
            result.append(digit)
        }
        return result
    }

    private static func pad(_ body: String, _ parts: Parts, isNumber: Bool) -> String {
        let length = body.count
        guard parts.width > length else { return body }
        let padding = parts.width - length
        let fill = String(parts.fill)
        switch parts.align ?? (isNumber ? ">" : "<") {
        case "<": return body + String(repeating: fill, count: padding)
        case "^":
            let left = padding / 2
            return String(repeating: fill, count: left) + body + String(repeating: fill, count: padding - left)
        case "=":
            if let first = body.first, "+- ".contains(first) {
                return String(first) + String(repeating: fill, count: padding) + body.dropFirst()
            }
            return String(repeating: fill, count: padding) + body
        default: return String(repeating: fill, count: padding) + body
        }
    }

    private static func invalid(_ spec: String, _ value: RuleValue) -> RuleEvaluationError {
        .value("Unknown format code '\(spec.last.map(String.init) ?? "")' for object of type '\(value.typeName)'")
    }
}
