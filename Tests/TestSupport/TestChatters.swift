import LabCore

/// A chatter that fails on chosen rounds (with a `ChatterError.failed`) and otherwise says `round <n>`.
public struct FlakyChatter: Chatter {
    public let failingRounds: Set<Int>

    public init(failingRounds: Set<Int>) {
        self.failingRounds = failingRounds
    }

    public func reply(to request: ChatRequest) async throws -> ChatReply {
        if failingRounds.contains(request.round) {
            throw ChatterError.failed(kind: "test", message: "planned failure in round \(request.round)")
        }
        return ChatReply("round \(request.round)")
    }
}

/// A chatter that reports what it was shown: `saw <n>: <last text>`.
public struct WitnessChatter: Chatter {
    public init() {}

    public func reply(to request: ChatRequest) async throws -> ChatReply {
        ChatReply("saw \(request.history.count): \(request.history.last?.text ?? "-") (seed \(request.seed % 1000))")
    }
}

/// A chatter that ends the conversation on a chosen round.
public struct QuittingChatter: Chatter {
    public let round: Int

    public init(round: Int) {
        self.round = round
    }

    public func reply(to request: ChatRequest) async throws -> ChatReply {
        if request.round == round { throw ChatterError.conversationOver("done") }
        return ChatReply("still here")
    }
}
