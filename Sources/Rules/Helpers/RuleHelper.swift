/// One function of the helper library: SENSEI's name and parameters, what it does, and its implementation.
public struct RuleHelper: Sendable {
    public let name: String
    /// Parameter names in order (keyword arguments use them).
    public let parameters: [String]
    /// How many of the first parameters must be given.
    public let required: Int
    /// One line for the README table and `chatlab rules helpers`.
    public let summary: String
    /// True when it asks the LLM judge (offline: "not evaluated", unless it has an offline version).
    public let usesLLM: Bool
    let body: @Sendable (CallContext, [RuleValue?]) throws -> RuleValue

    init(
        _ name: String, _ parameters: [String], required: Int, llm: Bool = false, _ summary: String,
        _ body: @escaping @Sendable (CallContext, [RuleValue?]) throws -> RuleValue
    ) {
        self.name = name
        self.parameters = parameters
        self.required = required
        self.summary = summary
        usesLLM = llm
        self.body = body
    }

    var function: RuleFunction {
        RuleFunction(name: name) { [self] context, arguments in
            try body(context, try arguments.bind(parameters, required: required))
        }
    }
}
