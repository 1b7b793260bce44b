/// The variables one conversation puts in scope (see the README's table): SENSEI's names and ChatLab's own.
public struct RuleVariables: Sendable {
    /// How reports name the conversation: a SENSEI file's path, or `run-<k>` of a report folder.
    public var conversation: String
    public var values: [String: RuleValue]
    /// SENSEI's error codes the conversation reported (1001 goal not completed, 500, 504, 1000, 2000, 2001...), for
    /// the built-in error rows.
    public var errorCodes: Set<Int>

    public init(conversation: String, values: [String: RuleValue], errorCodes: Set<Int> = []) {
        self.conversation = conversation
        self.values = values
        self.errorCodes = errorCodes
    }

    /// The same variables as one record, for `conv[i]` in metamorphic rules.
    public var record: RuleValue { .record(RuleRecord(values)) }
}
