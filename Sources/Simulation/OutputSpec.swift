/// One `chatbot.output` entry: a value to extract from each conversation.
public struct OutputSpec: Sendable, Hashable {
    public var name: String
    public var type: OutputType
    public var description: String

    public init(name: String, type: OutputType, description: String) {
        self.name = name
        self.type = type
        self.description = description
    }
}

/// The type of an output value.
public indirect enum OutputType: Sendable, Hashable, CustomStringConvertible {
    case int
    case float
    /// An amount with its currency, recorded as text like `23.50 USD`.
    case money
    case string
    /// A clock time, recorded as `hh:mm:ss`.
    case time
    /// A date, recorded as `yyyy-mm-dd`.
    case date
    case bool
    case list(OutputType)

    public var description: String {
        switch self {
        case .int: return "int"
        case .float: return "float"
        case .money: return "money"
        case .string: return "str"
        case .time: return "time"
        case .date: return "date"
        case .bool: return "bool"
        case .list(let element): return "list[\(element)]"
        }
    }
}
