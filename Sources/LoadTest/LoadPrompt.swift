/// One prompt of a load test: the text sent, and what the reply should carry (the expected intent, number of
/// references and answer) when the prompts file says so.
public struct LoadPrompt: Sendable, Hashable {
    public var text: String
    /// The expected intent, e.g. `opening_hours`; `nil` when the file gives none (no accuracy is counted).
    public var intent: String?
    /// The expected number of references (the seed tool's `RefCount`).
    public var referenceCount: Int?
    /// What a correct reply says, when the file gives it: the lab's answer judge then scores each reply.
    public var answer: String?
    /// Where it was read, `file:line`, for messages and the results.
    public var source: String

    public init(text: String, intent: String? = nil, referenceCount: Int? = nil, answer: String? = nil,
                source: String = "") {
        self.text = text
        self.intent = intent
        self.referenceCount = referenceCount
        self.answer = answer
        self.source = source
    }
}
