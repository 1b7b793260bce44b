import Foundation
import LabCore
import Rules
import Testing

/// The §5.6 example rules on five SENSEI conversation files written in the documented format
/// (Tests/Fixtures/rules); the expected counts were worked out by hand from the files.
@Suite struct SenseiFilesTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/rules").path

    func tallies(senseiCounting: Bool = false) throws -> [String: RuleTally] {
        let rules = try RuleFileLoader.load(paths: ["\(Self.fixtures)/pizza-rules.yaml"])
        let conversations = try ConversationSource.load(path: "\(Self.fixtures)/sensei")
        #expect(conversations.count == 5, "the __report__ folder is skipped")
        let result = RuleChecker(senseiCounting: senseiCounting).check(rules, on: conversations)
        return Dictionary(uniqueKeysWithValues: result.map { ($0.rule, $0) })
    }

    func counts(_ tally: RuleTally?) -> [Int] {
        guard let tally else { return [] }
        return [tally.checks, tally.pass, tally.fail, tally.notApplicable, tally.errors]
    }

    @Test func everyScopeAndOutcomeAsWorkedOutByHand() throws {
        let result = try tallies()
        // checks, pass, fail, not applicable, errors
        #expect(counts(result["small_pizza_price"]) == [5, 1, 1, 2, 1])
        #expect(counts(result["more_toppings_cost_more"]) == [10, 0, 1, 7, 2])
        #expect(counts(result["unique_order_ids"]) == [1, 0, 1, 0, 0])
        #expect(counts(result["two_over_ten"]) == [2, 1, 0, 1, 0])
        #expect(counts(result["slots_filled"]) == [5, 3, 2, 0, 0])
        #expect(counts(result["settings_flattened"]) == [5, 5, 0, 0, 0])
        #expect(result["switched_off"] == nil)
        #expect(counts(result["goal_not_completed"]) == [5, 4, 1, 0, 0])
        #expect(counts(result["timeout"]) == [5, 4, 1, 0, 0])
        #expect(counts(result["no_response"]) == [5, 5, 0, 0, 0])
    }

    @Test func failuresCarryTheValueAndTheYieldsMessage() throws {
        let result = try tallies()
        let notes = try #require(result["slots_filled"]).notes
        #expect(notes.map(\.reason) == ["returned False. Missing slots: ['price']", "returned False. Missing slots: ['order_id']"])
        let errors = try #require(result["small_pizza_price"]).notes.filter { $0.outcome == "error" }
        #expect(errors.first?.reason.hasPrefix("TypeError: '>=' not supported") == true)
    }

    @Test func senseiCountingReproducesItsNumbers() throws {
        let result = try tallies(senseiCounting: true)
        #expect(counts(result["small_pizza_price"]) == [5, 1, 1, 3, 0])
        #expect(counts(result["more_toppings_cost_more"]) == [20, 0, 3, 17, 0])
    }

    @Test func theCSVHasSenseisColumns() throws {
        let text = RulesCSV.text(Array(try tallies().values).sorted { $0.rule < $1.rule })
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("rule,checks,pass,fail,not_applicable,fail_rate"))
        #expect(lines.contains("small_pizza_price,5,1,1,2,50.00%,1,0"))
        #expect(lines.contains("two_over_ten,2,1,0,1,0.00%,0,0"))
        #expect(lines.contains("goal_not_completed,5,4,1,0,20.00%,0,0"))
    }

    @Test func aGlobalRulesFilteredListIsItsOwn() throws {
        // Two is_unique rules in a row: SENSEI's list grew across global rules, so the second saw duplicates.
        let rule = { (name: String) in
            Rule(name: name, scope: .global, oracle: try! RuleBody("is_unique('serial_id')"))
        }
        let conversations = (0..<3).map { RuleVariables(conversation: "c\($0)", values: ["serial_id": .int($0)]) }
        let result = RuleChecker().check([rule("first"), rule("second")], on: conversations)
        #expect(result[0].pass == 1)
        #expect(result[1].pass == 1)
    }
}
