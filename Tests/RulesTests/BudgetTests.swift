import Rules
import Testing

/// Every budget ends an evaluation with a `BudgetExceeded` error, never a hang, a crash or a huge allocation.
@Suite struct BudgetTests {
    let empty = RuleVariables(conversation: "t", values: [:])

    func kind(_ expression: String, _ budget: RuleBudget = RuleBudget(steps: 10_000, size: 10_000, depth: 50)) throws -> String? {
        do {
            _ = try RuleEvaluator(budget: budget).run(try RuleBody(expression), variables: empty)
            return nil
        } catch let error as RuleEvaluationError {
            return error.kind
        }
    }

    @Test func stepsRunOut() throws {
        #expect(try kind("[[y for y in range(100)] for x in range(100)]") == "BudgetExceeded")
        #expect(try kind("sum(range(2000))") == nil)
    }

    @Test func sizesAreCheckedBeforeTheyAreMade() throws {
        #expect(try kind("'x' * 10**12") == "BudgetExceeded")
        #expect(try kind("[0] * 2**62") == "BudgetExceeded")
        #expect(try kind("range(10**15)") == "BudgetExceeded")
        #expect(try kind("'ab' * 100 + 'c'") == nil)
    }

    @Test func nestingIsBoundedWhileParsingAndEvaluating() throws {
        #expect(throws: RuleSyntaxError.self) { try RuleBody(String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100)) }
        #expect(throws: RuleSyntaxError.self) { try RuleBody(String(repeating: "not ", count: 1000) + "True") }
        // A long chain is shallow to parse but deep to evaluate: the evaluation budget stops it.
        #expect(try kind(Array(repeating: "1", count: 400).joined(separator: "+")) == "BudgetExceeded")
        #expect(try kind(Array(repeating: "1", count: 20).joined(separator: "+")) == nil)
    }
}
