/// A small conversation in SENSEI's variable shape, for `chatlab rules fuzz-eval` and the benchmark: generated
/// expressions and rules are evaluated on it.
public enum FuzzSample {
    public static func conversation(_ index: Int = 0) -> RuleVariables {
        var scope = SenseiScope()
        let sizes = ["small", "medium", "large"]
        let toppings = ["cheese", "mushrooms", "ham", "olives"]
        scope.addChosen([
            ("size", .list([.string(sizes[index % 3])])),
            ("toppings", .list(toppings.prefix(index % 4 + 1).map { .string($0) })),
            ("drink", .string(index % 2 == 0 ? "coke" : "water")),
            ("cans", .int(index % 5)),
        ])
        scope.addConversationSettings(.list([
            .dict(RuleDict([("interaction_style", .list([.string("long phrases")]))])),
            .dict(RuleDict([("number", .int(2))])),
            .dict(RuleDict([("goal_style", .dict(RuleDict([("steps", .int(4))])))])),
        ]))
        let price = 8.5 + Double(index % 4) * 2.25
        scope.addOutputs([
            ("price", .string("\(price) USD")), ("order_id", index % 7 == 6 ? .none : .string("A\(index)")),
            ("time", .string("20 minutes")),
        ])
        scope.addInteraction([
            (true, "Hello, I would like a \(sizes[index % 3]) pizza with cheese"),
            (false, "Sure! A \(sizes[index % 3]) pizza. Any drink?"),
            (true, "A coke please"),
            (false, "Your order \("A\(index)") costs \(price) USD and will be ready in 20 minutes."),
            (true, "Thanks"),
            (false, "Thank you for your order!"),
        ])
        if index % 5 == 4 { scope.errorCodes.insert(1001) }
        return scope.variables(conversation: "sample-\(index)")
    }
}
