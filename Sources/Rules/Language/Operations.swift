import Foundation

/// Python's operators on rule values: arithmetic (ints stay ints, `/` gives a float, `//` and `%` floor), comparisons
/// (ordering only between numbers, strings or lists), membership, indexing and slicing with negative indices.
enum Operations {
    static func unary(_ op: UnaryOperator, _ value: RuleValue) throws -> RuleValue {
        switch op {
        case .not: return .bool(!value.isTruthy)
        case .plus, .negate:
            if let number = value.integer {
                if op == .plus { return .int(number) }
                guard number != Int.min else { throw overflow() }
                return .int(-number)
            }
            if case .double(let number) = value { return .double(op == .plus ? number : -number) }
            throw RuleEvaluationError.type("bad operand type for unary \(op == .plus ? "+" : "-"): '\(value.typeName)'")
        }
    }

    static func binary(_ op: BinaryOperator, _ left: RuleValue, _ right: RuleValue, budget: RuleBudget) throws -> RuleValue {
        if let a = left.integer, let b = right.integer { return try integers(op, a, b) }
        if let a = left.number, let b = right.number { return try doubles(op, a, b) }
        switch (op, left, right) {
        case (.add, .string(let a), .string(let b)):
            try checkSize(a.unicodeScalars.count + b.unicodeScalars.count, budget)
            return .string(a + b)
        case (.add, .list(let a), .list(let b)):
            try checkSize(a.count + b.count, budget)
            return .list(a + b)
        case (.multiply, .string(let text), _), (.multiply, _, .string(let text)):
            guard let times = (left.integer ?? right.integer) else { break }
            let count = max(0, times)
            let (size, overflowed) = text.unicodeScalars.count.multipliedReportingOverflow(by: count)
            try checkSize(overflowed ? Int.max : size, budget)
            return .string(String(repeating: text, count: count))
        case (.multiply, .list(let items), _), (.multiply, _, .list(let items)):
            guard let times = (left.integer ?? right.integer) else { break }
            let count = max(0, times)
            let (size, overflowed) = items.count.multipliedReportingOverflow(by: count)
            try checkSize(overflowed ? Int.max : size, budget)
            return .list(Array([[RuleValue]](repeating: items, count: count).joined()))
        case (.modulo, .string, _):
            throw RuleEvaluationError.type("%-formatting of strings is not part of the rule language; use an f-string")
        default:
            break
        }
        throw RuleEvaluationError.type(
            "unsupported operand type(s) for \(op.rawValue): '\(left.typeName)' and '\(right.typeName)'")
    }

    private static func integers(_ op: BinaryOperator, _ a: Int, _ b: Int) throws -> RuleValue {
        switch op {
        case .add: return try checked(a.addingReportingOverflow(b))
        case .subtract: return try checked(a.subtractingReportingOverflow(b))
        case .multiply: return try checked(a.multipliedReportingOverflow(by: b))
        case .divide:
            guard b != 0 else { throw zeroDivision("division by zero") }
            return .double(Double(a) / Double(b))
        case .floorDivide, .modulo:
            guard b != 0 else { throw zeroDivision("integer division or modulo by zero") }
            guard !(a == Int.min && b == -1) else { throw overflow() }
            var quotient = a / b
            var remainder = a % b
            if remainder != 0, (remainder < 0) != (b < 0) {
                quotient -= 1
                remainder += b
            }
            return .int(op == .floorDivide ? quotient : remainder)
        case .power:
            if b < 0 {
                guard a != 0 else { throw zeroDivision("0.0 cannot be raised to a negative power") }
                return .double(pow(Double(a), Double(b)))
            }
            var result = 1
            var base = a
            var exponent = b
            while exponent > 0 {
                if exponent & 1 == 1 { result = try integer(result.multipliedReportingOverflow(by: base)) }
                exponent >>= 1
                if exponent > 0 { base = try integer(base.multipliedReportingOverflow(by: base)) }
            }
            return .int(result)
        }
    }

    private static func doubles(_ op: BinaryOperator, _ a: Double, _ b: Double) throws -> RuleValue {
        switch op {
        case .add: return .double(a + b)
        case .subtract: return .double(a - b)
        case .multiply: return .double(a * b)
        case .divide:
            guard b != 0 else { throw zeroDivision("float division by zero") }
            return .double(a / b)
        case .floorDivide:
            guard b != 0 else { throw zeroDivision("float floor division by zero") }
            return .double((a / b).rounded(.down))
        case .modulo:
            guard b != 0 else { throw zeroDivision("float modulo") }
            var remainder = fmod(a, b)
            if remainder != 0, (remainder < 0) != (b < 0) { remainder += b }
            return .double(remainder)
        case .power:
            if a == 0, b < 0 { throw zeroDivision("0.0 cannot be raised to a negative power") }
            if a < 0, b.rounded() != b { throw RuleEvaluationError.value("a negative number to a fractional power is complex") }
            let result = pow(a, b)
            if result.isInfinite, a.isFinite, b.isFinite { throw overflow() }
            return .double(result)
        }
    }

    private static func checked(_ result: (partialValue: Int, overflow: Bool)) throws -> RuleValue {
        .int(try integer(result))
    }

    private static func integer(_ result: (partialValue: Int, overflow: Bool)) throws -> Int {
        guard !result.overflow else { throw overflow() }
        return result.partialValue
    }

    private static func overflow() -> RuleEvaluationError {
        RuleEvaluationError("OverflowError", "the integer result does not fit in 64 bits")
    }

    private static func zeroDivision(_ message: String) -> RuleEvaluationError {
        RuleEvaluationError("ZeroDivisionError", message)
    }

    static func checkSize(_ size: Int, _ budget: RuleBudget) throws {
        if size > budget.size {
            throw RuleEvaluationError.budget("a string or list of \(size) items would exceed the limit of \(budget.size)")
        }
    }

    // MARK: - Comparisons

    static func compare(_ op: CompareOperator, _ left: RuleValue, _ right: RuleValue) throws -> Bool {
        switch op {
        case .equal: return left == right
        case .notEqual: return left != right
        case .isIn: return try contains(right, left)
        case .notIn: return try !contains(right, left)
        case .is: return identical(left, right)
        case .isNot: return !identical(left, right)
        case .less: return try order(left, right, op) < 0
        case .lessOrEqual: return try order(left, right, op) <= 0
        case .greater: return try order(left, right, op) > 0
        case .greaterOrEqual: return try order(left, right, op) >= 0
        }
    }

    /// `is`: None, True and False are singletons; other values are taken as identical when of one kind and equal.
    private static func identical(_ left: RuleValue, _ right: RuleValue) -> Bool {
        switch (left, right) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.function(let a), .function(let b)): return a === b
        default: return false
        }
    }

    /// -1, 0 or 1; a `TypeError` between kinds Python cannot order.
    static func order(_ left: RuleValue, _ right: RuleValue, _ op: CompareOperator) throws -> Int {
        if let a = left.number, let b = right.number {
            if a.isNaN || b.isNaN { return op == .less || op == .lessOrEqual ? 1 : -1 }
            if let x = left.integer, let y = right.integer { return x < y ? -1 : x == y ? 0 : 1 }
            return a < b ? -1 : a == b ? 0 : 1
        }
        switch (left, right) {
        case (.string(let a), .string(let b)):
            if a == b { return 0 }
            return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? -1 : 1
        case (.list(let a), .list(let b)):
            for (x, y) in zip(a, b) where x != y { return try order(x, y, op) }
            return a.count < b.count ? -1 : a.count == b.count ? 0 : 1
        default:
            throw RuleEvaluationError.type(
                "'\(op.rawValue)' not supported between instances of '\(left.typeName)' and '\(right.typeName)'")
        }
    }

    /// `item in container`.
    static func contains(_ container: RuleValue, _ item: RuleValue) throws -> Bool {
        switch container {
        case .string(let text):
            guard case .string(let part) = item else {
                throw RuleEvaluationError.type("'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return part.isEmpty || text.contains(part)
        case .list(let items): return items.contains(item)
        case .dict(let dict): return dict[item] != nil
        default:
            throw RuleEvaluationError.type("argument of type '\(container.typeName)' is not iterable")
        }
    }

    // MARK: - Indexing

    static func checkHashable(_ key: RuleValue) throws {
        switch key {
        case .list, .dict, .record: throw RuleEvaluationError.type("unhashable type: '\(key.typeName)'")
        default: return
        }
    }

    static func index(_ base: RuleValue, _ index: RuleValue) throws -> RuleValue {
        switch base {
        case .list(let items):
            return items[try position(index, count: items.count, kind: "list")]
        case .string(let text):
            let scalars = Array(text.unicodeScalars)
            return .string(String(Character(scalars[try position(index, count: scalars.count, kind: "string")])))
        case .dict(let dict):
            try checkHashable(index)
            guard let value = dict[index] else { throw RuleEvaluationError("KeyError", index.repr) }
            return value
        default:
            throw RuleEvaluationError.type("'\(base.typeName)' object is not subscriptable")
        }
    }

    private static func position(_ index: RuleValue, count: Int, kind: String) throws -> Int {
        guard let raw = index.integer else {
            throw RuleEvaluationError.type("\(kind) indices must be integers, not \(index.typeName)")
        }
        let position = raw < 0 ? raw + count : raw
        guard position >= 0, position < count else { throw RuleEvaluationError("IndexError", "\(kind) index out of range") }
        return position
    }

    static func slice(_ base: RuleValue, _ lower: RuleValue, _ upper: RuleValue, _ step: RuleValue) throws -> RuleValue {
        switch base {
        case .list(let items):
            return .list(try slicePositions(items.count, lower, upper, step).map { items[$0] })
        case .string(let text):
            let scalars = Array(text.unicodeScalars)
            var result = String.UnicodeScalarView()
            for position in try slicePositions(scalars.count, lower, upper, step) { result.append(scalars[position]) }
            return .string(String(result))
        default:
            throw RuleEvaluationError.type("'\(base.typeName)' object is not subscriptable")
        }
    }

    /// The positions `[lower:upper:step]` selects, as Python's `slice.indices` gives them.
    private static func slicePositions(_ count: Int, _ lower: RuleValue, _ upper: RuleValue, _ step: RuleValue) throws -> [Int] {
        func bound(_ value: RuleValue) throws -> Int? {
            if case .none = value { return nil }
            guard let number = value.integer else {
                throw RuleEvaluationError.type("slice indices must be integers or None")
            }
            return number
        }
        let step = try bound(step) ?? 1
        guard step != 0 else { throw RuleEvaluationError.value("slice step cannot be zero") }
        func clamp(_ value: Int?, _ defaultValue: Int) -> Int {
            guard let value else { return defaultValue }
            if value < 0 { return max(value + count, step < 0 ? -1 : 0) }
            return min(value, step < 0 ? count - 1 : count)
        }
        let start = clamp(try bound(lower), step < 0 ? count - 1 : 0)
        let stop = clamp(try bound(upper), step < 0 ? -1 : count)
        return Array(stride(from: start, to: stop, by: step))
    }

    // MARK: - Iteration

    /// The items a `for` walks: a list's items, a string's characters, a dict's keys.
    static func iterate(_ value: RuleValue) throws -> [RuleValue] {
        switch value {
        case .list(let items): return items
        case .string(let text): return text.unicodeScalars.map { .string(String(Character($0))) }
        case .dict(let dict): return dict.keys
        default: throw RuleEvaluationError.type("'\(value.typeName)' object is not iterable")
        }
    }

    /// `a, b = value`.
    static func unpack(_ value: RuleValue, count: Int) throws -> [RuleValue] {
        let items = try iterate(value)
        guard items.count == count else {
            throw RuleEvaluationError.value(
                items.count > count ? "too many values to unpack (expected \(count))"
                    : "not enough values to unpack (expected \(count), got \(items.count))")
        }
        return items
    }
}
