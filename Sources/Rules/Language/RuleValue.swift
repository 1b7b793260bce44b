import Foundation

/// A value of the rule language: what variables hold and what expressions produce.
///
/// The kinds follow Python's as far as rules use them: `None`, booleans, integers (64-bit; overflow is an error,
/// not a big number), floats, strings, lists (tuples are lists too), dicts (insertion-ordered), records (a
/// conversation's variables, a turn: fields read with `record.name`) and functions (the helper library, bound
/// string methods).
public enum RuleValue: Sendable {
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([RuleValue])
    case dict(RuleDict)
    case record(RuleRecord)
    case function(RuleFunction)

    /// Python's name of the kind, for messages (`'int' object is not subscriptable`).
    public var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "str"
        case .list: return "list"
        case .dict: return "dict"
        case .record: return "record"
        case .function: return "function"
        }
    }

    /// Python's truthiness: None, False, 0, 0.0, empty strings, lists and dicts are false.
    public var isTruthy: Bool {
        switch self {
        case .none: return false
        case .bool(let flag): return flag
        case .int(let number): return number != 0
        case .double(let number): return number != 0
        case .string(let text): return !text.isEmpty
        case .list(let items): return !items.isEmpty
        case .dict(let dict): return !dict.isEmpty
        case .record, .function: return true
        }
    }

    /// The value as a number (bool counts as 0 or 1), or `nil` when it is not one.
    var number: Double? {
        switch self {
        case .bool(let flag): return flag ? 1 : 0
        case .int(let number): return Double(number)
        case .double(let number): return number
        default: return nil
        }
    }

    /// The value as an integer when it is a bool or an int.
    var integer: Int? {
        switch self {
        case .bool(let flag): return flag ? 1 : 0
        case .int(let number): return number
        default: return nil
        }
    }

    /// True for exactly `True` (SENSEI passes a rule only when its oracle returns `True`).
    public var isTrue: Bool {
        if case .bool(true) = self { return true }
        return false
    }
}

extension RuleValue: Equatable, Hashable {
    /// Python's `==`: numbers compare by value across bool, int and float; other kinds by content.
    public static func == (lhs: RuleValue, rhs: RuleValue) -> Bool {
        if let a = lhs.integer, let b = rhs.integer { return a == b }
        if let a = lhs.number, let b = rhs.number { return a == b }
        switch (lhs, rhs) {
        case (.none, .none): return true
        case (.string(let a), .string(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.dict(let a), .dict(let b)): return a == b
        case (.record(let a), .record(let b)): return a == b
        case (.function(let a), .function(let b)): return a === b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .none: hasher.combine(0)
        case .bool, .int, .double: hasher.combine(number ?? 0)
        case .string(let text): hasher.combine(text)
        case .list(let items): hasher.combine(items)
        case .dict(let dict): hasher.combine(dict.count)
        case .record(let record): hasher.combine(record.fields.count)
        case .function(let function): hasher.combine(ObjectIdentifier(function))
        }
    }
}

/// A dict of the rule language: Python's insertion order kept, keys compared as Python does (`1 == 1.0`).
public struct RuleDict: Sendable, Hashable {
    public private(set) var keys: [RuleValue] = []
    private var storage: [RuleValue: RuleValue] = [:]

    public init() {}

    public init(_ pairs: [(String, RuleValue)]) {
        for (key, value) in pairs { self[.string(key)] = value }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }
    public var values: [RuleValue] { keys.map { storage[$0] ?? .none } }

    public subscript(key: RuleValue) -> RuleValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    public static func == (lhs: RuleDict, rhs: RuleDict) -> Bool { lhs.storage == rhs.storage }
    public func hash(into hasher: inout Hasher) { hasher.combine(count) }
}

/// A record: named fields read with `.name` (a conversation's variables in `conv[0]`, a turn in `turns`).
public struct RuleRecord: Sendable, Hashable {
    public var fields: [String: RuleValue]

    public init(_ fields: [String: RuleValue]) {
        self.fields = fields
    }
}

/// A callable value: a helper of the library, a builtin or a bound method.
public final class RuleFunction: Sendable {
    public let name: String
    let body: @Sendable (CallContext, RuleArguments) throws -> RuleValue

    init(name: String, body: @escaping @Sendable (CallContext, RuleArguments) throws -> RuleValue) {
        self.name = name
        self.body = body
    }
}
