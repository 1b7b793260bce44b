/// The field names of a JSON Lines prompts file; the defaults are the seed tool's (`Question`, `Intent`, `RefCount`).
public struct PromptFields: Sendable, Hashable {
    public var text: String
    public var intent: String
    public var referenceCount: String
    /// The expected answer (ChatLab's own field; the seed tool had none).
    public var answer: String

    public init(text: String = "Question", intent: String = "Intent", referenceCount: String = "RefCount",
                answer: String = "Answer") {
        self.text = text
        self.intent = intent
        self.referenceCount = referenceCount
        self.answer = answer
    }
}
