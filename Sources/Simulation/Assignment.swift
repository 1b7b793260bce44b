import LabCore

/// The values of a profile's goal variables for one conversation.
public struct Assignment: Sendable, Hashable {
    /// Variables in profile order.
    public var values: [(name: String, value: ChosenValue)] {
        get { names.map { ($0, byName[$0]!) } }
    }
    public private(set) var names: [String] = []
    private var byName: [String: ChosenValue] = [:]

    public init() {}

    public subscript(name: String) -> ChosenValue? { byName[name] }

    mutating func set(_ name: String, _ value: ChosenValue) {
        if byName[name] == nil { names.append(name) }
        byName[name] = value
    }

    /// Each variable's text as written into goal phrases.
    public var texts: [String: String] { byName.mapValues(\.text) }

    /// The values as the conversation record keeps them (SENSEI's shapes: a list, or one value for nested
    /// `forward` and `pairwise`).
    public var recorded: [String: JSON] { byName.mapValues(\.json) }

    public static func == (a: Assignment, b: Assignment) -> Bool { a.names == b.names && a.byName == b.byName }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(names)
        for name in names { hasher.combine(byName[name]) }
    }
}

/// The value a variable takes in one conversation: one or more of its values.
public struct ChosenValue: Sendable, Hashable, CustomStringConvertible {
    public var items: [VariableValue]
    /// Recorded as one value rather than a list.
    public var scalar: Bool

    public init(_ items: [VariableValue], scalar: Bool) {
        self.items = items
        self.scalar = scalar
    }

    /// As written into a goal phrase: the items joined with ", ".
    public var text: String { items.map(\.description).joined(separator: ", ") }

    public var description: String { scalar ? text : "[\(text)]" }

    public var json: JSON {
        let items = self.items.map { item -> JSON in
            switch item {
            case .text(let text): return .string(text)
            case .int(let n): return .number(Double(n))
            case .float(let x): return .number(x)
            }
        }
        return scalar && items.count == 1 ? items[0] : .array(items)
    }
}
