import LabCore

/// Checks rules on conversations, scope by scope:
/// - oracle rules (`conversations: 1`) once per conversation;
/// - metamorphic rules (`conversations: N`) once per unordered combination of N conversations, trying every order
///   of it (`conv[0]`, `conv[1]`...): it fails when any order that applies fails, and is not applicable when no order
///   applies;
/// - global rules (`conversations: all`) once, over the conversations whose `when` and `if` hold (the rest are not
///   applicable), with a filtered list of their own (SENSEI's list grew from rule to rule).
///
/// An exception anywhere is the outcome "error" with its message, never "not applicable". Each expression is
/// evaluated with a fresh ``RuleBudget``.
public struct RuleChecker: Sendable {
    public var budget: RuleBudget
    public var judge: (any RuleJudge)?
    public var encoder: (any TextEncoder)?
    /// Count as SENSEI does, to compare with its CSVs: metamorphic rules over ordered pairs, an exception in `when`,
    /// `if` or an oracle rule's oracle is "not applicable", one in a metamorphic oracle is "fail".
    public var senseiCounting: Bool
    /// The most combinations one metamorphic rule may visit; beyond it the rule's one check is an error.
    public var maxCombinations: Int

    public init(
        budget: RuleBudget = .standard, judge: (any RuleJudge)? = nil, encoder: (any TextEncoder)? = nil,
        senseiCounting: Bool = false, maxCombinations: Int = 2_000_000
    ) {
        self.budget = budget
        self.judge = judge
        self.encoder = encoder
        self.senseiCounting = senseiCounting
        self.maxCombinations = maxCombinations
    }

    /// The built-in error rows SENSEI appends: a pass or a fail per conversation, by whether it reported the code.
    public static let errorRows: [(name: String, code: Int)] = [
        ("goal_not_completed", 1001), ("no_response", 500), ("timeout", 504), ("exceeded_loop_limit", 1000),
        ("max_cost_exceeded", 2000), ("max_individual_cost_exceeded", 2001),
    ]

    /// Every active rule's tally, in rule order, then the built-in error rows.
    /// - Parameter each: told every check as it is made (for `--verbose`).
    public func check(
        _ rules: [Rule], on conversations: [RuleVariables], each: (RuleCheckResult) -> Void = { _ in }
    ) -> [RuleTally] {
        var tallies: [RuleTally] = []
        for rule in rules where rule.active {
            var tally = RuleTally(rule: rule.name, scope: rule.scope.description)
            func record(_ result: RuleCheckResult) {
                Self.count(result, into: &tally)
                each(result)
            }
            switch rule.scope {
            case .oracle:
                for conversation in conversations {
                    record(RuleCheckResult(rule: rule.name, conversations: [conversation.conversation], outcome: oracle(rule, conversation)))
                }
            case .metamorphic(let size):
                metamorphic(rule, size: size, conversations, record)
            case .global:
                global(rule, conversations, record)
            }
            tallies.append(tally)
        }
        for (name, code) in Self.errorRows {
            var tally = RuleTally(rule: name, scope: "built-in")
            for conversation in conversations {
                let outcome: RuleOutcome = conversation.errorCodes.contains(code) ? .fail(reason: "error \(code)") : .pass
                Self.count(RuleCheckResult(rule: name, conversations: [conversation.conversation], outcome: outcome), into: &tally)
            }
            tallies.append(tally)
        }
        return tallies
    }

    static func count(_ result: RuleCheckResult, into tally: inout RuleTally) {
        let names = result.conversations.joined(separator: " + ")
        switch result.outcome {
        case .pass: tally.pass += 1
        case .notApplicable: tally.notApplicable += 1
        case .fail(let reason):
            tally.fail += 1
            tally.note(.init(conversations: names, outcome: "fail", reason: reason))
        case .error(let message):
            tally.errors += 1
            tally.note(.init(conversations: names, outcome: "error", reason: message))
        case .notEvaluated(let message):
            tally.notEvaluated += 1
            tally.note(.init(conversations: names, outcome: "not evaluated", reason: message))
        }
    }

    // MARK: - Scopes

    /// One rule on one conversation's variables (or one ordered combination's).
    func oracle(_ rule: Rule, _ variables: RuleVariables, environment: RuleEnvironment? = nil, metamorphic: Bool = false) -> RuleOutcome {
        let environment = environment ?? RuleEnvironment(judge: judge, encoder: encoder)
        do {
            guard try evaluate(rule.when, variables, environment).isTruthy,
                try evaluate(rule.condition, variables, environment).isTruthy
            else { return .notApplicable }
        } catch {
            return senseiCounting && !error.isNotEvaluated ? .notApplicable : Self.outcome(error)
        }
        do {
            let value = try evaluate(rule.oracle, variables, environment)
            if value.isTrue { return .pass }
            return .fail(reason: reason(value, rule, variables, environment))
        } catch {
            if senseiCounting && !error.isNotEvaluated { return metamorphic ? .fail(reason: error.description) : .notApplicable }
            return Self.outcome(error)
        }
    }

    private func metamorphic(_ rule: Rule, size: Int, _ conversations: [RuleVariables], _ record: (RuleCheckResult) -> Void) {
        let total = Self.combinations(conversations.count, size)
        let orders = (1...size).reduce(1, *)
        guard let total, total.multipliedReportingOverflow(by: orders).partialValue <= maxCombinations,
            !total.multipliedReportingOverflow(by: orders).overflow
        else {
            record(RuleCheckResult(
                rule: rule.name, conversations: ["all"],
                outcome: .error(message: "\(conversations.count) conversations give more than \(maxCombinations) ordered combinations of \(size); check fewer conversations")))
            return
        }
        let environment = RuleEnvironment(judge: judge, encoder: encoder)
        var indices = Array(0..<size)
        guard size <= conversations.count else { return }
        while true {
            let members = indices.map { conversations[$0] }
            let names = members.map(\.conversation)
            var outcomes: [RuleOutcome] = []
            for order in Self.permutations(size) {
                let ordered = order.map { members[$0] }
                let variables = RuleVariables(
                    conversation: ordered.map(\.conversation).joined(separator: " + "),
                    values: ["conv": .list(ordered.map(\.record)), "interaction": .list([])])
                let outcome = oracle(rule, variables, environment: environment, metamorphic: true)
                if senseiCounting {
                    record(RuleCheckResult(rule: rule.name, conversations: order.map { names[$0] }, outcome: outcome))
                } else {
                    outcomes.append(outcome)
                }
            }
            if !senseiCounting {
                record(RuleCheckResult(rule: rule.name, conversations: names, outcome: Self.combine(outcomes)))
            }
            // The next combination in lexicographic order.
            var position = size - 1
            while position >= 0, indices[position] == conversations.count - size + position { position -= 1 }
            if position < 0 { return }
            indices[position] += 1
            for later in (position + 1)..<size { indices[later] = indices[later - 1] + 1 }
        }
    }

    /// The outcome of a combination from its orders': an error first, then not evaluated, a fail, a pass.
    static func combine(_ outcomes: [RuleOutcome]) -> RuleOutcome {
        if let error = outcomes.first(where: { if case .error = $0 { return true } else { return false } }) { return error }
        if let skipped = outcomes.first(where: { if case .notEvaluated = $0 { return true } else { return false } }) { return skipped }
        if let failure = outcomes.first(where: { if case .fail = $0 { return true } else { return false } }) { return failure }
        if outcomes.contains(.pass) { return .pass }
        return .notApplicable
    }

    private func global(_ rule: Rule, _ conversations: [RuleVariables], _ record: (RuleCheckResult) -> Void) {
        var environment = RuleEnvironment(judge: judge, encoder: encoder)
        var filtered: [RuleVariables] = []
        for conversation in conversations {
            do {
                if try evaluate(rule.when, conversation, environment).isTruthy,
                    try evaluate(rule.condition, conversation, environment).isTruthy
                {
                    filtered.append(conversation)
                } else {
                    record(RuleCheckResult(rule: rule.name, conversations: [conversation.conversation], outcome: .notApplicable))
                }
            } catch {
                let outcome = senseiCounting && !error.isNotEvaluated ? .notApplicable : Self.outcome(error)
                record(RuleCheckResult(rule: rule.name, conversations: [conversation.conversation], outcome: outcome))
            }
        }
        environment.filtered = filtered
        let variables = filtered.last ?? RuleVariables(conversation: "all", values: ["conv": .list([])])
        let outcome: RuleOutcome
        do {
            let value = try evaluate(rule.oracle, variables, environment)
            outcome = value.isTrue ? .pass : .fail(reason: reason(value, rule, variables, environment))
        } catch {
            outcome = senseiCounting && !error.isNotEvaluated ? .fail(reason: error.description) : Self.outcome(error)
        }
        record(RuleCheckResult(rule: rule.name, conversations: ["all (\(filtered.count) filtered)"], outcome: outcome))
    }

    // MARK: - Evaluation

    private func evaluate(_ body: RuleBody, _ variables: RuleVariables, _ environment: RuleEnvironment) throws(RuleEvaluationError) -> RuleValue {
        try RuleEvaluator(budget: budget, environment: environment).run(body, variables: variables)
    }

    /// The returned value, then the `yields` message (evaluated only on failure, as SENSEI does).
    private func reason(_ value: RuleValue, _ rule: Rule, _ variables: RuleVariables, _ environment: RuleEnvironment) -> String {
        let returned = "returned \(value.repr)"
        guard let yields = rule.yields else { return returned }
        do {
            return "\(returned). \(try evaluate(yields, variables, environment).text)"
        } catch {
            return "\(returned). (its yields failed: \(error))"
        }
    }

    static func outcome(_ error: RuleEvaluationError) -> RuleOutcome {
        error.isNotEvaluated ? .notEvaluated(message: error.message) : .error(message: error.description)
    }

    /// n choose k, or `nil` when it overflows.
    static func combinations(_ n: Int, _ k: Int) -> Int? {
        guard k <= n else { return 0 }
        var result = 1
        for i in 0..<k {
            let (product, overflow) = result.multipliedReportingOverflow(by: n - i)
            if overflow { return nil }
            result = product / (i + 1)
        }
        return result
    }

    /// Every order of `0..<count`.
    static func permutations(_ count: Int) -> [[Int]] {
        guard count > 1 else { return [Array(0..<count)] }
        return permutations(count - 1).flatMap { order in
            (0...order.count).map { position in
                var copy = order
                copy.insert(count - 1, at: position)
                return copy
            }
        }
    }
}
