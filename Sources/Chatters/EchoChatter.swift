import LabCore

/// Repeats what the other chatter said last (or a greeting when it speaks first). A simple stand-in and test double.
public struct EchoChatter: Chatter {
    public let greeting: String

    public init(greeting: String = "Hello!") {
        self.greeting = greeting
    }

    public func reply(to request: ChatRequest) async throws -> ChatReply {
        ChatReply(request.lastFromOther?.text ?? greeting)
    }
}
