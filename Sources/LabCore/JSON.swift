import Foundation

/// A JSON value: what bot templates are made of, what bot replies are parsed into, and the structured data a reply
/// carries (``ChatReply/data``, ``Turn/data``).
///
/// Whole numbers within ±10^15 are encoded without a fraction (`3`, not `3.0`). ``text`` sorts object keys, so the
/// same value always gives the same bytes; so does any `JSONEncoder` with `.sortedKeys` (the transcript's).
public enum JSON: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([JSON].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSON].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .number(let number):
            if number.rounded() == number, abs(number) < 1e15 {
                try container.encode(Int64(number))
            } else {
                try container.encode(number)
            }
        case .string(let text): try container.encode(text)
        case .array(let items): try container.encode(items)
        case .object(let members): try container.encode(members)
        }
    }

    /// Parses JSON bytes; throws when they are not JSON.
    public static func parse(_ data: Data) throws -> JSON {
        try JSONParser.parse(data)
    }

    /// The compact JSON text of this value (keys sorted, slashes not escaped): byte for byte what `JSONEncoder`
    /// with `.sortedKeys` and `.withoutEscapingSlashes` writes (a test compares them), written directly (see
    /// ``JSONTextWriter``).
    public var text: String {
        var writer = JSONTextWriter()
        writer.write(self)
        return writer.text
    }

    /// The member of an object.
    public subscript(key: String) -> JSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The text of a string, the digits of a number, `true`/`false`; `nil` for null, arrays and objects.
    public var scalarText: String? {
        switch self {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number):
            return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        default: return nil
        }
    }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) {
        self = .string(value)
    }

    public init(integerLiteral value: Int) {
        self = .number(Double(value))
    }
}
