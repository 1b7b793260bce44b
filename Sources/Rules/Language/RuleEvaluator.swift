/// Evaluates parsed rule bodies over a conversation's variables with Python's semantics for the language's subset,
/// counting every step against a ``RuleBudget``.
///
/// One evaluator serves one evaluation (`when`, `if`, oracle or `yields` of one rule on one conversation or pair):
/// its step count starts at zero. Not `Sendable`: make one per evaluation, on any thread.
public final class RuleEvaluator {
    public let budget: RuleBudget
    /// The services and sets helpers read (the filtered conversations of a global rule, the LLM judge...).
    public let environment: RuleEnvironment
    public private(set) var steps = 0
    private var depth = 0

    public init(budget: RuleBudget = .standard, environment: RuleEnvironment = RuleEnvironment()) {
        self.budget = budget
        self.environment = environment
    }

    /// Runs a rule body's assignments, then returns its last line's value.
    /// - Throws: ``RuleEvaluationError`` (any failure, budget included).
    public func run(_ body: RuleBody, variables: RuleVariables) throws(RuleEvaluationError) -> RuleValue {
        var scope = Scope(globals: variables)
        return try guarded {
            for assignment in body.program.assignments {
                var value = try evaluate(assignment.value, &scope)
                if let update = assignment.update {
                    let old = try lookup(assignment.targets[0], scope)
                    value = try Operations.binary(update, old, value, budget: budget)
                }
                if assignment.targets.count == 1 {
                    scope.locals[assignment.targets[0]] = value
                } else {
                    let items = try Operations.unpack(value, count: assignment.targets.count)
                    for (name, item) in zip(assignment.targets, items) { scope.locals[name] = item }
                }
            }
            return try evaluate(body.program.result, &scope)
        }
    }

    /// Evaluates an expression parsed from a helper's text argument (`exists('price > 10')`) on other variables.
    func run(_ expression: Expression, variables: RuleVariables) throws -> RuleValue {
        var scope = Scope(globals: variables)
        return try evaluate(expression, &scope)
    }

    /// Turns any failure into a ``RuleEvaluationError``.
    private func guarded(_ work: () throws -> RuleValue) throws(RuleEvaluationError) -> RuleValue {
        do {
            return try work()
        } catch let error as RuleEvaluationError {
            throw error
        } catch {
            throw RuleEvaluationError("Error", "\(error)")
        }
    }

    /// Counts `count` steps against the budget.
    func step(_ count: Int = 1) throws {
        steps += count
        if steps > budget.steps {
            throw RuleEvaluationError.budget("the evaluation took more than \(budget.steps) steps")
        }
    }

    /// Checks a size about to be produced against the budget.
    func checkSize(_ size: Int) throws {
        if size > budget.size {
            throw RuleEvaluationError.budget("a string or list of \(size) items would exceed the limit of \(budget.size)")
        }
    }

    func evaluate(_ expression: Expression, _ scope: inout Scope) throws -> RuleValue {
        try step()
        depth += 1
        defer { depth -= 1 }
        if depth > budget.depth {
            throw RuleEvaluationError.budget("the evaluation nested more than \(budget.depth) levels deep")
        }
        switch expression {
        case .literal(let value):
            return value
        case .name(let name):
            return try lookup(name, scope)
        case .list(let items):
            var values: [RuleValue] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try evaluate(item, &scope)) }
            return .list(values)
        case .dict(let pairs):
            var dict = RuleDict()
            for pair in pairs {
                let key = try evaluate(pair.key, &scope)
                try Operations.checkHashable(key)
                dict[key] = try evaluate(pair.value, &scope)
            }
            return .dict(dict)
        case .attribute(let base, let name):
            return try Attributes.get(try evaluate(base, &scope), name)
        case .index(let base, let index):
            return try Operations.index(try evaluate(base, &scope), try evaluate(index, &scope))
        case .slice(let base, let lower, let upper, let step):
            let value = try evaluate(base, &scope)
            let bounds = try [lower, upper, step].map { try $0.map { try evaluate($0, &scope) } ?? .none }
            return try Operations.slice(value, bounds[0], bounds[1], bounds[2])
        case .call(let callee, let arguments, let keywords):
            let function = try evaluate(callee, &scope)
            guard case .function(let body) = function else {
                throw RuleEvaluationError.type("'\(function.typeName)' object is not callable")
            }
            var positional: [RuleValue] = []
            for argument in arguments { positional.append(try evaluate(argument, &scope)) }
            var named: [(String, RuleValue)] = []
            for keyword in keywords { named.append((keyword.name, try evaluate(keyword.value, &scope))) }
            return try body.body(CallContext(evaluator: self, scope: scope), RuleArguments(function: body.name, positional, named))
        case .unary(let op, let operand):
            return try Operations.unary(op, try evaluate(operand, &scope))
        case .binary(let op, let left, let right):
            return try Operations.binary(op, try evaluate(left, &scope), try evaluate(right, &scope), budget: budget)
        case .and(let left, let right):
            let value = try evaluate(left, &scope)
            return value.isTruthy ? try evaluate(right, &scope) : value
        case .or(let left, let right):
            let value = try evaluate(left, &scope)
            return value.isTruthy ? value : try evaluate(right, &scope)
        case .compare(let first, let rest):
            var left = try evaluate(first, &scope)
            for (op, rightExpression) in rest {
                let right = try evaluate(rightExpression, &scope)
                guard try Operations.compare(op, left, right) else { return .bool(false) }
                left = right
            }
            return .bool(true)
        case .conditional(let body, let test, let orElse):
            return try evaluate(test, &scope).isTruthy ? try evaluate(body, &scope) : try evaluate(orElse, &scope)
        case .comprehension(let element, let clauses):
            let saved = scope.locals
            defer { scope.locals = saved }
            var results: [RuleValue] = []
            try comprehend(element, clauses[...], &scope, into: &results)
            return .list(results)
        case .formatted(let parts):
            return .string(try format(parts, &scope))
        }
    }

    private func comprehend(
        _ element: Expression, _ clauses: ArraySlice<ComprehensionClause>, _ scope: inout Scope, into results: inout [RuleValue]
    ) throws {
        guard let clause = clauses.first else {
            try checkSize(results.count + 1)
            results.append(try evaluate(element, &scope))
            return
        }
        switch clause {
        case .condition(let test):
            if try evaluate(test, &scope).isTruthy { try comprehend(element, clauses.dropFirst(), &scope, into: &results) }
        case .loop(let targets, let source):
            for item in try Operations.iterate(try evaluate(source, &scope)) {
                try step()
                if targets.count == 1 {
                    scope.locals[targets[0]] = item
                } else {
                    for (name, value) in zip(targets, try Operations.unpack(item, count: targets.count)) {
                        scope.locals[name] = value
                    }
                }
                try comprehend(element, clauses.dropFirst(), &scope, into: &results)
            }
        }
    }

    private func format(_ parts: [FormattedPart], _ scope: inout Scope) throws -> String {
        var result = ""
        for part in parts {
            switch part {
            case .text(let text):
                result += text
            case .field(let expression, let conversion, let specParts):
                var value = try evaluate(expression, &scope)
                if let conversion { value = .string(conversion == "s" ? value.text : value.repr) }
                let spec = try format(specParts, &scope)
                result += try FormatSpec.format(value, spec: spec, budget: budget)
            }
            try checkSize(result.unicodeScalars.count)
        }
        return result
    }

    func lookup(_ name: String, _ scope: Scope) throws -> RuleValue {
        if let value = scope.locals[name] ?? scope.globals.values[name] { return value }
        if let function = FunctionTable.all[name] { return .function(function) }
        throw RuleEvaluationError.name(name)
    }
}

/// Where names are looked up: the assignments and loop names of this evaluation, then the conversation's variables.
struct Scope {
    let globals: RuleVariables
    var locals: [String: RuleValue] = [:]
}

/// What a function is called with: the evaluator (for budgets and services) and the caller's names (helpers such as
/// `missing_slots()` read `data_output` as SENSEI's wrappers do).
public struct CallContext {
    let evaluator: RuleEvaluator
    let scope: Scope

    /// A variable of the conversation being checked, if it has one.
    func variable(_ name: String) -> RuleValue? {
        scope.locals[name] ?? scope.globals.values[name]
    }
}
