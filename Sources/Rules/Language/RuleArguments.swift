/// The arguments of one call: positional values and keyword values, read by parameter name as Python binds them.
public struct RuleArguments {
    let function: String
    let positional: [RuleValue]
    let keywords: [(String, RuleValue)]

    init(function: String, _ positional: [RuleValue], _ keywords: [(String, RuleValue)] = []) {
        self.function = function
        self.positional = positional
        self.keywords = keywords
    }

    /// Checks the call against the function's parameter names (`required` of them must be given) and returns the
    /// values in parameter order, `nil` where an optional one was left out.
    func bind(_ parameters: [String], required: Int) throws -> [RuleValue?] {
        guard positional.count <= parameters.count else {
            throw RuleEvaluationError.type(
                "\(function)() takes at most \(parameters.count) argument(s) (\(positional.count) given)")
        }
        var values: [RuleValue?] = positional.map { $0 } + Array(repeating: nil, count: parameters.count - positional.count)
        for (name, value) in keywords {
            guard let index = parameters.firstIndex(of: name) else {
                throw RuleEvaluationError.type("\(function)() got an unexpected keyword argument '\(name)'")
            }
            guard values[index] == nil else {
                throw RuleEvaluationError.type("\(function)() got multiple values for argument '\(name)'")
            }
            values[index] = value
        }
        for index in 0..<required where values[index] == nil {
            throw RuleEvaluationError.type("\(function)() missing required argument: '\(parameters[index])'")
        }
        return values
    }

    /// Exactly the positional arguments in `range` and no keywords (builtins such as `len`).
    func plain(_ range: ClosedRange<Int>) throws -> [RuleValue] {
        guard keywords.isEmpty else {
            throw RuleEvaluationError.type("\(function)() takes no keyword arguments")
        }
        guard range.contains(positional.count) else {
            let count = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
            throw RuleEvaluationError.type("\(function)() takes \(count) argument(s) (\(positional.count) given)")
        }
        return positional
    }
}
