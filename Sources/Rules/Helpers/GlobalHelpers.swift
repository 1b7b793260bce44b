/// The helpers of global rules (`conversations: all`), over the conversations that passed the rule's `when` and
/// `if`: `is_unique`, `exists`, `num_exist`. Their text argument is parsed and evaluated with the rule language.
enum GlobalHelpers {
    static let helpers: [RuleHelper] = [
        RuleHelper(
            "is_unique", ["var"], required: 1,
            "Global rules: False when two filtered conversations share a value (not None) of the variable `var`."
        ) { context, values in
            guard case .string(let name) = values[0]! else { throw RuleEvaluationError.type("is_unique() expects a variable name as a string") }
            var seen = Set<RuleValue>()
            for conversation in context.evaluator.environment.filtered {
                try context.evaluator.step()
                guard let value = conversation.values[name], value != .none else { continue }
                let key: RuleValue = (try? Operations.checkHashable(value)) != nil ? value : .string(value.repr)
                if !seen.insert(key).inserted { return .bool(false) }
            }
            return .bool(true)
        },
        RuleHelper("exists", ["expr"], required: 1, "Global rules: True when the expression (a string) holds in some filtered conversation.") {
            context, values in
            .bool(try holding(values[0]!, context, "exists") > 0)
        },
        RuleHelper("num_exist", ["expr"], required: 1, "Global rules: the number of filtered conversations in which the expression (a string) holds.") {
            context, values in
            .int(try holding(values[0]!, context, "num_exist"))
        },
    ]

    /// In how many filtered conversations the expression text is truthy; an error in any of them is the rule's error.
    private static func holding(_ value: RuleValue, _ context: CallContext, _ function: String) throws -> Int {
        guard case .string(let text) = value else { throw RuleEvaluationError.type("\(function)() expects an expression as a string") }
        let expression: Expression
        do {
            expression = try Parser.expression(text)
        } catch {
            throw RuleEvaluationError("SyntaxError", "in \(function)(\(RuleValue.quoted(text))): \(error.message) (at character \(error.offset + 1))")
        }
        var count = 0
        for conversation in context.evaluator.environment.filtered {
            do {
                if try context.evaluator.run(expression, variables: conversation).isTruthy { count += 1 }
            } catch let error as RuleEvaluationError where error.kind != "BudgetExceeded" && !error.isNotEvaluated {
                throw RuleEvaluationError(error.kind, "\(error.message) (in \(function)() on \(conversation.conversation))")
            }
        }
        return count
    }
}
