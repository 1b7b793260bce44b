import Foundation

/// The string methods rules may call, with Python's behaviour: `lower`, `upper`, `strip`, `lstrip`, `rstrip`,
/// `startswith`, `endswith`, `split`, `replace`, `count`, `find`, `join`, `title`, `capitalize`, `isdigit`, `isalpha`.
enum StringMethods {
    static let names: Set<String> = [
        "lower", "upper", "strip", "lstrip", "rstrip", "startswith", "endswith", "split", "replace", "count", "find",
        "join", "title", "capitalize", "isdigit", "isalpha",
    ]

    static func bind(_ text: String, _ name: String) -> RuleFunction? {
        guard names.contains(name) else { return nil }
        return RuleFunction(name: "str.\(name)") { context, arguments in
            try context.evaluator.step(text.utf8.count / 64 + 1)
            return try call(text, name, arguments, budget: context.evaluator.budget)
        }
    }

    private static func call(_ text: String, _ name: String, _ arguments: RuleArguments, budget: RuleBudget) throws -> RuleValue {
        switch name {
        case "lower": _ = try arguments.plain(0...0); return .string(text.lowercased())
        case "upper": _ = try arguments.plain(0...0); return .string(text.uppercased())
        case "title": _ = try arguments.plain(0...0); return .string(text.capitalized)
        case "capitalize":
            _ = try arguments.plain(0...0)
            return .string(text.prefix(1).uppercased() + text.dropFirst().lowercased())
        case "isdigit":
            _ = try arguments.plain(0...0)
            return .bool(!text.isEmpty && text.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal || $0.properties.numericType == .digit })
        case "isalpha":
            _ = try arguments.plain(0...0)
            return .bool(!text.isEmpty && text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic })
        case "strip", "lstrip", "rstrip":
            let values = try arguments.plain(0...1)
            let characters = try values.first.flatMap { try optionalText($0, name) }
            return .string(strip(text, characters, leading: name != "rstrip", trailing: name != "lstrip"))
        case "startswith", "endswith":
            let value = try arguments.plain(1...1)[0]
            let candidates: [RuleValue]
            if case .list(let items) = value { candidates = items } else { candidates = [value] }
            for candidate in candidates {
                guard case .string(let part) = candidate else {
                    throw RuleEvaluationError.type("\(name) first arg must be str or a tuple of str, not \(candidate.typeName)")
                }
                let scalars = Array(text.unicodeScalars)
                let partScalars = Array(part.unicodeScalars)
                let matches = name == "startswith" ? scalars.starts(with: partScalars) : scalars.reversed().starts(with: partScalars.reversed())
                if matches { return .bool(true) }
            }
            return .bool(false)
        case "split":
            let values = try arguments.bind(["sep", "maxsplit"], required: 0)
            let separator = try values[0].flatMap { try optionalText($0, name) }
            var limit = -1
            if let maxsplit = values[1] {
                guard let number = maxsplit.integer else { throw RuleEvaluationError.type("maxsplit must be an integer") }
                limit = number
            }
            return .list(try split(text, separator, limit: limit).map { .string($0) })
        case "replace":
            let values = try arguments.plain(2...3)
            guard case .string(let old) = values[0], case .string(let new) = values[1] else {
                throw RuleEvaluationError.type("replace() arguments must be str")
            }
            var limit = Int.max
            if values.count == 3 {
                guard let number = values[2].integer else { throw RuleEvaluationError.type("replace() count must be an integer") }
                limit = number < 0 ? Int.max : number
            }
            return .string(try replace(text, old, new, limit: limit, budget: budget))
        case "count":
            let part = try needle(arguments, name)
            return .int(occurrences(text, part).count)
        case "find":
            let part = try needle(arguments, name)
            guard !part.isEmpty else { return .int(0) }
            guard let range = text.range(of: part, options: .literal) else { return .int(-1) }
            return .int(text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound))
        case "join":
            let items = try Operations.iterate(try arguments.plain(1...1)[0])
            var parts: [String] = []
            var size = 0
            for item in items {
                guard case .string(let part) = item else {
                    throw RuleEvaluationError.type("sequence item \(parts.count): expected str instance, \(item.typeName) found")
                }
                size += part.unicodeScalars.count + text.unicodeScalars.count
                try Operations.checkSize(size, budget)
                parts.append(part)
            }
            return .string(parts.joined(separator: text))
        default:
            throw RuleEvaluationError("AttributeError", "'str' object has no attribute '\(name)'")
        }
    }

    private static func optionalText(_ value: RuleValue, _ name: String) throws -> String? {
        switch value {
        case .none: return nil
        case .string(let text): return text
        default: throw RuleEvaluationError.type("\(name) arg must be None or str")
        }
    }

    private static func needle(_ arguments: RuleArguments, _ name: String) throws -> String {
        guard case .string(let part) = try arguments.plain(1...1)[0] else {
            throw RuleEvaluationError.type("must be str, not \(arguments.positional[0].typeName)")
        }
        return part
    }

    private static func strip(_ text: String, _ characters: String?, leading: Bool, trailing: Bool) -> String {
        let set = characters.map { Set($0.unicodeScalars) }
        func strips(_ scalar: Unicode.Scalar) -> Bool { set?.contains(scalar) ?? scalar.properties.isWhitespace }
        var scalars = Substring(text).unicodeScalars[...]
        if leading { while let first = scalars.first, strips(first) { scalars.removeFirst() } }
        if trailing { while let last = scalars.last, strips(last) { scalars.removeLast() } }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Start offsets (in scalars) of non-overlapping occurrences, as Python's `count` and `replace` find them.
    private static func occurrences(_ text: String, _ part: String) -> [Range<Int>] {
        let scalars = Array(text.unicodeScalars)
        let partScalars = Array(part.unicodeScalars)
        guard !partScalars.isEmpty else { return (0...scalars.count).map { $0..<$0 } }
        var found: [Range<Int>] = []
        var index = 0
        while index + partScalars.count <= scalars.count {
            if scalars[index] == partScalars[0], scalars[index..<index + partScalars.count].elementsEqual(partScalars) {
                found.append(index..<index + partScalars.count)
                index += partScalars.count
            } else {
                index += 1
            }
        }
        return found
    }

    private static func replace(_ text: String, _ old: String, _ new: String, limit: Int, budget: RuleBudget) throws -> String {
        let found = occurrences(text, old).prefix(limit)
        let scalars = Array(text.unicodeScalars)
        let newScalars = Array(new.unicodeScalars)
        let size = scalars.count + found.count * newScalars.count - found.reduce(0) { $0 + $1.count }
        try Operations.checkSize(size, budget)
        var result = String.UnicodeScalarView()
        var position = 0
        for range in found {
            result.append(contentsOf: scalars[position..<range.lowerBound])
            result.append(contentsOf: newScalars)
            position = range.upperBound
        }
        result.append(contentsOf: scalars[position...])
        return String(result)
    }

    private static func split(_ text: String, _ separator: String?, limit: Int) throws -> [String] {
        guard let separator else {
            var parts: [String] = []
            var current = String.UnicodeScalarView()
            var scalars = Substring(text).unicodeScalars[...]
            while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
            while let scalar = scalars.first {
                scalars.removeFirst()
                if scalar.properties.isWhitespace {
                    if limit >= 0, parts.count >= limit {
                        current.append(scalar)
                        continue
                    }
                    parts.append(String(current))
                    current = String.UnicodeScalarView()
                    while let next = scalars.first, next.properties.isWhitespace { scalars.removeFirst() }
                } else {
                    current.append(scalar)
                }
            }
            if !current.isEmpty {
                var last = String(current)
                if limit >= 0, parts.count >= limit {
                    while let end = last.unicodeScalars.last, end.properties.isWhitespace { last.unicodeScalars.removeLast() }
                }
                parts.append(last)
            }
            return parts
        }
        guard !separator.isEmpty else { throw RuleEvaluationError.value("empty separator") }
        let found = occurrences(text, separator).prefix(limit < 0 ? Int.max : limit)
        let scalars = Array(text.unicodeScalars)
        var parts: [String] = []
        var position = 0
        for range in found {
            parts.append(String(String.UnicodeScalarView(scalars[position..<range.lowerBound])))
            position = range.upperBound
        }
        parts.append(String(String.UnicodeScalarView(scalars[position...])))
        return parts
    }
}
