/// Reads JSON text (RFC 8259) into a ``JSON`` value in one pass over its UTF-8 bytes, several times faster than
/// decoding ``JSON`` through `JSONDecoder` (every reply of a network chatter is parsed, so it counts under load).
///
/// It reads what `JSONDecoder` read before it (a test compares the two on generated and mutated text): no comments,
/// leading zeros or bare words, one trailing comma in an array or object allowed; strings must be valid UTF-8
/// without raw control characters; numbers must be finite doubles that do not underflow to zero. Nesting is bounded
/// (``maxDepth``), so hostile input cannot exhaust the stack. A repeated object key keeps its first value. Unlike
/// `JSONDecoder`, it reads UTF-8 only (no guessing UTF-16 from NUL bytes).
public struct JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maxDepth = 512

    /// Why the text is not JSON, with the byte offset where reading stopped.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var offset: Int
        public var problem: String
        public var description: String { "not JSON at byte \(offset): \(problem)" }
    }

    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses one JSON value (with optional whitespace around it).
    public static func parse<Bytes: Collection<UInt8>>(_ input: Bytes) throws -> JSON {
        var parser = JSONParser(Array(input))
        parser.skipWhitespace()
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.position == parser.bytes.count else { throw parser.fail("unexpected text after the value") }
        return value
    }

    private func fail(_ problem: String) -> Failure { Failure(offset: position, problem: problem) }

    private mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
    }

    private mutating func value() throws -> JSON {
        guard position < bytes.count else { throw fail("the text ends where a value should be") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try word("true", .bool(true))
        case UInt8(ascii: "f"): return try word("false", .bool(false))
        case UInt8(ascii: "n"): return try word("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw fail("unexpected character")
        }
    }

    private mutating func word(_ text: StaticString, _ value: JSON) throws -> JSON {
        let length = text.utf8CodeUnitCount
        guard position + length <= bytes.count,
              text.withUTF8Buffer({ bytes[position..<(position + length)].elementsEqual($0) }) else {
            throw fail("unexpected word")
        }
        position += length
        return value
    }

    private mutating func enter() throws {
        depth += 1
        guard depth <= Self.maxDepth else { throw fail("nested deeper than \(Self.maxDepth) levels") }
        position += 1
        skipWhitespace()
    }

    private mutating func object() throws -> JSON {
        try enter()
        var members: [String: JSON] = [:]
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object(members)
        }
        while true {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw fail("expected a key") }
            let key = try string()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            position += 1
            skipWhitespace()
            let member = try value()
            if members[key] == nil { members[key] = member }
            skipWhitespace()
            guard position < bytes.count else { throw fail("the text ends inside an object") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                skipWhitespace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    depth -= 1
                    return .object(members)
                }
            } else if bytes[position] == UInt8(ascii: "}") {
                position += 1
                depth -= 1
                return .object(members)
            } else {
                throw fail("expected ',' or '}'")
            }
        }
    }

    private mutating func array() throws -> JSON {
        try enter()
        var items: [JSON] = []
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array(items)
        }
        while true {
            items.append(try value())
            skipWhitespace()
            guard position < bytes.count else { throw fail("the text ends inside an array") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                skipWhitespace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    depth -= 1
                    return .array(items)
                }
            } else if bytes[position] == UInt8(ascii: "]") {
                position += 1
                depth -= 1
                return .array(items)
            } else {
                throw fail("expected ',' or ']'")
            }
        }
    }

    private mutating func number() throws -> Double {
        let start = position
        func digits() -> Int {
            let first = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return position - first
        }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { throw fail("a number without digits") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else if digits() == 0 {
            throw fail("a number without digits")
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw fail("no digits after the decimal point") }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits() > 0 else { throw fail("no digits in the exponent") }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let value = Double(text), value.isFinite,
              value != 0 || !text.prefix { $0 != "e" && $0 != "E" }.contains(where: { ("1"..."9").contains($0) })
        else { throw fail("the number \(text.prefix(40)) is out of range") }
        return value
    }

    private mutating func string() throws -> String {
        position += 1  // the opening quote
        let start = position
        // The common case, no escapes: one validation of the bytes up to the closing quote.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                guard let text = String(validating: bytes[start..<position], as: UTF8.self) else {
                    throw fail("a string that is not valid UTF-8")
                }
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail("a control character inside a string") }
            position += 1
        }
        // With escapes: the raw bytes and the escapes' UTF-8 gathered, then validated once.
        var utf8 = Array(bytes[start..<position])
        while true {
            guard position < bytes.count else { throw fail("the text ends inside a string") }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                guard let text = String(validating: utf8, as: UTF8.self) else {
                    throw fail("a string that is not valid UTF-8")
                }
                position += 1
                return text
            }
            if byte < 0x20 { throw fail("a control character inside a string") }
            position += 1
            guard byte == UInt8(ascii: "\\") else {
                utf8.append(byte)
                continue
            }
            guard position < bytes.count else { throw fail("the text ends inside an escape") }
            let escaped = bytes[position]
            position += 1
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"): utf8 += Array(String(Character(try unicodeEscape())).utf8)
            default: throw fail("an unknown escape")
            }
        }
    }

    /// The scalar of `\uXXXX` (the `\u` read), joining a surrogate pair written as two escapes.
    private mutating func unicodeEscape() throws -> Unicode.Scalar {
        let high = try hex4()
        if (0xD800...0xDBFF).contains(high) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
            else { throw fail("a lone surrogate escape") }
            position += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw fail("a lone surrogate escape") }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        }
        guard let scalar = Unicode.Scalar(high) else { throw fail("a lone surrogate escape") }
        return scalar
    }

    private mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw fail("a short \\u escape") }
        var value: UInt32 = 0
        for byte in bytes[position..<(position + 4)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("a \\u escape with a non-hex digit")
            }
            value = value << 4 | UInt32(digit)
        }
        position += 4
        return value
    }
}
