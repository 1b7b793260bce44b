import LabYAML

/// A goal variable: `{name: {function, type, data}}` in the profile's goals.
public struct GoalVariable: Sendable, Hashable {
    public var name: String
    public var type: VariableType
    public var function: VariableFunction
    /// The values given in the profile (lists and ranges expanded), in order.
    public var values: [VariableValue]
    /// The `any(...)` prompts, in order; their values are made by an LLM before the conversations start.
    public var anyPrompts: [String]
    /// Where it is defined, for messages (`file:line:column`).
    public var location: String

    public init(name: String, type: VariableType, function: VariableFunction, values: [VariableValue],
                anyPrompts: [String] = [], location: String = "") {
        self.name = name
        self.type = type
        self.function = function
        self.values = values
        self.anyPrompts = anyPrompts
        self.location = location
    }
}

/// `type:` of a goal variable.
public enum VariableType: String, Sendable, Hashable, CaseIterable {
    case string
    case int
    case float
}

/// One value of a goal variable.
public enum VariableValue: Sendable, Hashable, CustomStringConvertible {
    case text(String)
    case int(Int)
    case float(Double)

    /// As it is written into a goal phrase: `3`, `2.5`, `ham`.
    public var description: String {
        switch self {
        case .text(let text): return text
        case .int(let n): return String(n)
        case .float(let x):
            if x.rounded() == x, abs(x) < 1e15 { return String(Int64(x)) + ".0" }
            return String(x)
        }
    }
}

/// `function:` of a goal variable: how its value is chosen for each conversation.
public enum VariableFunction: Sendable, Hashable, CustomStringConvertible {
    /// `default()`: every value, joined.
    case all
    /// `random()`: one value drawn at random.
    case random
    /// `random(n)`: n different values drawn at random.
    case randomCount(Int)
    /// `random(rand)`: 1...all different values drawn at random, the count drawn too.
    case randomSome
    /// `another()` / `another(n)`: deal values (or chunks of n) from a shuffled deck, reshuffled when used up.
    case another(Int)
    /// `forward()`: values in order, one per conversation; the inner loop of a `forward(x)` chain.
    case forward
    /// `forward(x)`: an outer loop over `x`, walked like an odometer (the innermost changes fastest).
    case forwardOver(String)
    /// `pairwise()`: all `pairwise()` variables together cover every pair of their values (an all-pairs array).
    case pairwise

    public var description: String {
        switch self {
        case .all: return "default()"
        case .random: return "random()"
        case .randomCount(let n): return "random(\(n))"
        case .randomSome: return "random(rand)"
        case .another(let n): return n == 1 ? "another()" : "another(\(n))"
        case .forward: return "forward()"
        case .forwardOver(let name): return "forward(\(name))"
        case .pairwise: return "pairwise()"
        }
    }

    /// Whether the value is recorded as one value rather than a list (SENSEI's shapes: nested forward and pairwise).
    var recordsScalar: Bool {
        switch self {
        case .forwardOver, .pairwise: return true
        default: return false
        }
    }
}
