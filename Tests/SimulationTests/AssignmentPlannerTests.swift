import Testing
@testable import Simulation

private func variable(_ name: String, _ function: VariableFunction, _ values: [VariableValue]) -> GoalVariable {
    GoalVariable(name: name, type: .string, function: function, values: values)
}

private let cans = variable("cans", .forwardOver("drink"), [.int(1), .int(2), .int(3)])
private let drink = variable("drink", .forward, [.text("sprite"), .text("coke"), .text("Orange Fanta")])

@Test func forwardChainsAreWalkedLikeAnOdometerInnermostFastest() {
    let plan = AssignmentPlanner(variables: [cans, drink], seed: 1).assignments(count: 10)
    let pairs = plan.map { "\($0["cans"]!.text)/\($0["drink"]!.text)" }
    #expect(pairs == ["1/sprite", "1/coke", "1/Orange Fanta", "2/sprite", "2/coke", "2/Orange Fanta",
        "3/sprite", "3/coke", "3/Orange Fanta", "1/sprite"])  // wraps around after 9
    #expect(AssignmentPlanner.combinationCounts([cans, drink]).forward == 9)
    // Nested values are recorded as one value; a standalone forward() as a list, as the SENSEI tool stores them.
    #expect(plan[0].recorded["cans"] == .number(1))
    let alone = AssignmentPlanner(variables: [variable("x", .forward, [.text("a"), .text("b")])], seed: 1).assignments(count: 3)
    #expect(alone.map { $0.recorded["x"] } == [.array([.string("a")]), .array([.string("b")]), .array([.string("a")])])
}

@Test func independentChainsAdvanceTogetherAndTheCountIsTheLargest() {
    let a = variable("a", .forwardOver("b"), [.int(1), .int(2)]), b = variable("b", .forward, [.text("x"), .text("y")])
    let c = variable("c", .forwardOver("d"), [.int(7)]), d = variable("d", .forward, [.text("p"), .text("q"), .text("r")])
    #expect(AssignmentPlanner.combinationCounts([a, b, c, d]).forward == 4)
    let plan = AssignmentPlanner(variables: [a, b, c, d], seed: 3).assignments(count: 4)
    #expect(plan.map { $0["d"]!.text } == ["p", "q", "r", "p"])
    #expect(plan.map { "\($0["a"]!.text)\($0["b"]!.text)" } == ["1x", "1y", "2x", "2y"])
}

@Test func randomAndAnotherDrawFromTheSeedWithoutRepeats() {
    let values: [VariableValue] = (1...5).map { .text("v\($0)") }
    let deck = variable("deck", .another(1), values)
    let some = variable("some", .randomCount(3), values)
    let plan = AssignmentPlanner(variables: [deck, some], seed: 42).assignments(count: 10)
    let dealt = plan.map { $0["deck"]!.text }
    #expect(Set(dealt.prefix(5)).count == 5 && Set(dealt.suffix(5)).count == 5)  // no repeat before the deck is used up
    #expect(plan.allSatisfy { Set($0["some"]!.items).count == 3 })
    #expect(plan == AssignmentPlanner(variables: [deck, some], seed: 42).assignments(count: 10))
    #expect(plan != AssignmentPlanner(variables: [deck, some], seed: 43).assignments(count: 10))
    let chunks = AssignmentPlanner(variables: [variable("c", .another(2), values)], seed: 1).assignments(count: 3)
    #expect(chunks.map { $0["c"]!.items.count } == [2, 2, 1])
}

@Test func pairwiseVariablesCoverEveryPairOfValues() {
    let vars = [
        variable("p", .pairwise, [.text("a"), .text("b"), .text("c")]),
        variable("q", .pairwise, [.text("x"), .text("y"), .text("z")]),
        variable("r", .pairwise, [.text("1"), .text("2")]),
        variable("s", .pairwise, [.text("u"), .text("v")]),
    ]
    let rows = AssignmentPlanner.combinationCounts(vars).pairwise
    #expect(rows >= 9 && rows < 3 * 3 * 2 * 2)
    let plan = AssignmentPlanner(variables: vars, seed: 1).assignments(count: rows)
    for i in vars.indices {
        for j in vars.indices where j > i {
            for x in vars[i].values {
                for y in vars[j].values {
                    #expect(plan.contains { $0[vars[i].name]!.items == [x] && $0[vars[j].name]!.items == [y] })
                }
            }
        }
    }
}

@Test func conversationCountsRoundHalvesToEvenAsPythonDoes() throws {
    var profile = try loadProfile(profile(goals: "    - \"{{a}} {{b}}\"\n    - a: {function: forward(b), type: int, data: [1, 2]}\n    - b: {function: forward(), type: string, data: [x, y, z]}", conversation: "number: sample(0.25)\n  goal_style: {steps: 1}")).profile
    #expect(AssignmentPlanner.conversationCount(profile) == 2)  // 6 × 0.25 = 1.5 → 2
    profile.conversation.number = .share(0.75, source: nil)
    #expect(AssignmentPlanner.conversationCount(profile) == 4)  // 4.5 → 4
}

@Test func rangesIncludeMaxAndLinspaceSpacesEvenly() throws {
    let goals = "    - \"{{i}} {{j}} {{f}} {{g}}\"\n    - i: {type: int, data: {min: 1, max: 6, step: 2}}\n"
        + "    - j: {type: int, data: {min: 2, max: 4}}\n    - f: {type: float, data: {min: 0, max: 1, linspace: 5}}\n"
        + "    - g: {type: float, data: {min: 0.5, max: 1.5, step: 0.5}}"
    let loaded = try loadProfile(profile(goals: goals))
    let values = loaded.profile.user.variables.map(\.values)
    #expect(values[0] == [.int(1), .int(3), .int(5), .int(6)])
    #expect(values[1] == [.int(2), .int(3), .int(4)])
    #expect(values[2] == [.float(0), .float(0.25), .float(0.5), .float(0.75), .float(1)])
    #expect(values[3] == [.float(0.5), .float(1), .float(1.5)])
    #expect(loaded.warnings.contains { $0.contains("without a step") })
}
