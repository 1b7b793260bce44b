import LabCore

/// Stands in for a chatter that was not made (re-analysis talks to no chatter); fails every turn it is asked for.
struct UnavailableChatter: Chatter {
    let name: String

    func reply(to request: ChatRequest) async throws -> ChatReply {
        throw ChatterError.failed(kind: "unavailable", message: "\(name) was not made for this session")
    }
}
