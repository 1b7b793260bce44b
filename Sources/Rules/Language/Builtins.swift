import Foundation

/// Python's builtins that rules may call: `len str int float bool abs min max sum any all round sorted list set
/// range enumerate zip repr`. `set(x)` gives the distinct items as a list (in first-seen order).
enum Builtins {
    static let functions: [String: RuleFunction] = Dictionary(
        uniqueKeysWithValues: table.map { ($0.0, RuleFunction(name: $0.0, body: $0.1)) })

    private static let table: [(String, @Sendable (CallContext, RuleArguments) throws -> RuleValue)] = [
        ("len", { _, arguments in
            let value = try arguments.plain(1...1)[0]
            switch value {
            case .string(let text): return .int(text.unicodeScalars.count)
            case .list(let items): return .int(items.count)
            case .dict(let dict): return .int(dict.count)
            default: throw RuleEvaluationError.type("object of type '\(value.typeName)' has no len()")
            }
        }),
        ("str", { _, arguments in .string(try arguments.plain(0...1).first?.text ?? "") }),
        ("repr", { _, arguments in .string(try arguments.plain(1...1)[0].repr) }),
        ("bool", { _, arguments in .bool(try arguments.plain(0...1).first?.isTruthy ?? false) }),
        ("int", { _, arguments in try toInt(try arguments.plain(0...1).first ?? .int(0)) }),
        ("float", { _, arguments in try toFloat(try arguments.plain(0...1).first ?? .double(0)) }),
        ("abs", { _, arguments in
            let value = try arguments.plain(1...1)[0]
            if let number = value.integer {
                guard number != Int.min else { throw RuleEvaluationError("OverflowError", "the integer result does not fit in 64 bits") }
                return .int(abs(number))
            }
            if case .double(let number) = value { return .double(abs(number)) }
            throw RuleEvaluationError.type("bad operand type for abs(): '\(value.typeName)'")
        }),
        ("min", { context, arguments in try extreme(arguments, context, pickLess: true) }),
        ("max", { context, arguments in try extreme(arguments, context, pickLess: false) }),
        ("sum", { context, arguments in
            let values = try arguments.plain(1...2)
            var total = values.count > 1 ? values[1] : .int(0)
            for item in try Operations.iterate(values[0]) {
                try context.evaluator.step()
                total = try Operations.binary(.add, total, item, budget: context.evaluator.budget)
            }
            return total
        }),
        ("any", { context, arguments in
            let items = try Operations.iterate(try arguments.plain(1...1)[0])
            try context.evaluator.step(items.count)
            return .bool(items.contains { $0.isTruthy })
        }),
        ("all", { context, arguments in
            let items = try Operations.iterate(try arguments.plain(1...1)[0])
            try context.evaluator.step(items.count)
            return .bool(items.allSatisfy { $0.isTruthy })
        }),
        ("round", { _, arguments in
            let values = try arguments.bind(["number", "ndigits"], required: 1)
            guard let number = values[0]!.number else {
                throw RuleEvaluationError.type("type \(values[0]!.typeName) doesn't define __round__ method")
            }
            guard let digits = values[1], digits != .none else {
                if let integer = values[0]!.integer { return .int(integer) }
                let rounded = number.rounded(.toNearestOrEven)
                guard rounded.isFinite, abs(rounded) < 9.2e18 else {
                    throw RuleEvaluationError("OverflowError", "cannot convert float \(RuleValue.floatRepr(number)) to integer")
                }
                return .int(Int(rounded))
            }
            guard let places = digits.integer else { throw RuleEvaluationError.type("ndigits must be an integer") }
            if values[0]!.integer != nil, places >= 0 { return values[0]! }
            // Like Python, round the exact binary value (2.675 is 2.67499999..., so it gives 2.67).
            let rounded: Double
            if places >= 0 {
                rounded = places > 300 ? number : Double(String(format: "%.\(places)f", number)) ?? number
            } else {
                let scale = pow(10, Double(min(-places, 308)))
                rounded = (number / scale).rounded(.toNearestOrEven) * scale
            }
            if let integer = values[0]!.integer { return .int(Int(exactly: rounded) ?? integer) }
            return .double(rounded.isFinite ? rounded : number)
        }),
        ("sorted", { context, arguments in
            let values = try arguments.bind(["iterable", "reverse"], required: 1)
            let items = try Operations.iterate(values[0]!)
            try context.evaluator.step(items.count * max(1, Int(log2(Double(max(items.count, 2))))))
            var failure: Error?
            let sorted = items.sorted { a, b in
                do { return try Operations.order(a, b, .less) < 0 } catch { failure = error; return false }
            }
            if let failure { throw failure }
            return .list(values[1]?.isTruthy == true ? sorted.reversed() : sorted)
        }),
        ("list", { _, arguments in .list(try Operations.iterate(try arguments.plain(0...1).first ?? .list([]))) }),
        ("set", { context, arguments in
            let items = try Operations.iterate(try arguments.plain(0...1).first ?? .list([]))
            try context.evaluator.step(items.count)
            var seen = Set<RuleValue>()
            var result: [RuleValue] = []
            for item in items {
                try Operations.checkHashable(item)
                if seen.insert(item).inserted { result.append(item) }
            }
            return .list(result)
        }),
        ("range", { context, arguments in
            let values = try arguments.plain(1...3).map { value -> Int in
                guard let number = value.integer else {
                    throw RuleEvaluationError.type("'\(value.typeName)' object cannot be interpreted as an integer")
                }
                return number
            }
            let (start, stop) = values.count == 1 ? (0, values[0]) : (values[0], values[1])
            let step = values.count == 3 ? values[2] : 1
            guard step != 0 else { throw RuleEvaluationError.value("range() arg 3 must not be zero") }
            let count = step > 0 ? (stop > start ? (stop - start - 1) / step + 1 : 0) : (start > stop ? (start - stop - 1) / -step + 1 : 0)
            try context.evaluator.checkSize(count)
            try context.evaluator.step(count)
            return .list(stride(from: start, to: stop, by: step).map { .int($0) })
        }),
        ("enumerate", { context, arguments in
            let values = try arguments.bind(["iterable", "start"], required: 1)
            let items = try Operations.iterate(values[0]!)
            try context.evaluator.step(items.count)
            let start = values[1]?.integer ?? 0
            return .list(items.enumerated().map { .list([.int(start + $0.offset), $0.element]) })
        }),
        ("zip", { context, arguments in
            let lists = try arguments.plain(0...8).map { try Operations.iterate($0) }
            let count = lists.map(\.count).min() ?? 0
            try context.evaluator.step(count)
            return .list((0..<count).map { index in .list(lists.map { $0[index] }) })
        }),
    ]

    static func toInt(_ value: RuleValue) throws -> RuleValue {
        switch value {
        case .bool, .int: return .int(value.integer!)
        case .double(let number):
            guard number.isFinite, abs(number) < 9.2e18 else {
                throw RuleEvaluationError("OverflowError", "cannot convert float \(RuleValue.floatRepr(number)) to integer")
            }
            return .int(Int(number))
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
            guard let number = Int(trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed) else {
                throw RuleEvaluationError.value("invalid literal for int() with base 10: \(RuleValue.quoted(text))")
            }
            return .int(number)
        default:
            throw RuleEvaluationError.type("int() argument must be a string or a number, not '\(value.typeName)'")
        }
    }

    static func toFloat(_ value: RuleValue) throws -> RuleValue {
        if let number = value.number { return .double(number) }
        guard case .string(let text) = value else {
            throw RuleEvaluationError.type("float() argument must be a string or a real number, not '\(value.typeName)'")
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let special: [String: Double] = ["inf": .infinity, "+inf": .infinity, "-inf": -.infinity, "infinity": .infinity,
                                         "nan": .nan, "+nan": .nan, "-nan": .nan]
        if let number = special[trimmed] { return .double(number) }
        guard trimmed.allSatisfy({ "0123456789.eE+-_".contains($0) }), let number = Double(trimmed.replacingOccurrences(of: "_", with: "")) else {
            throw RuleEvaluationError.value("could not convert string to float: \(RuleValue.quoted(text))")
        }
        return .double(number)
    }

    /// `min`/`max` of one iterable or of several arguments; `default=` for an empty iterable.
    private static func extreme(_ arguments: RuleArguments, _ context: CallContext, pickLess: Bool) throws -> RuleValue {
        let name = pickLess ? "min" : "max"
        var fallback: RuleValue?
        for (key, value) in arguments.keywords {
            guard key == "default" else { throw RuleEvaluationError.type("\(name)() got an unexpected keyword argument '\(key)'") }
            fallback = value
        }
        let items = arguments.positional.count == 1 ? try Operations.iterate(arguments.positional[0]) : arguments.positional
        try context.evaluator.step(items.count)
        guard var best = items.first else {
            if let fallback { return fallback }
            throw RuleEvaluationError.value("\(name)() iterable argument is empty")
        }
        for item in items.dropFirst() {
            let order = try Operations.order(item, best, pickLess ? .less : .greater)
            if pickLess ? order < 0 : order > 0 { best = item }
        }
        return best
    }
}
