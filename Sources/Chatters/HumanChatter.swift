import Foundation
import LabCore

/// A person typing on a console. Shows the other chatter's last utterance, then prompts for a reply.
///
/// An empty line or the end of input ends the conversation cleanly; the transcript so far is kept.
public struct HumanChatter: Chatter {
    public let console: any HumanConsole
    /// How the other chatter is named on screen.
    public let otherName: String
    public let prompt: String

    public init(console: any HumanConsole, otherName: String = "bot", prompt: String = "you> ") {
        self.console = console
        self.otherName = otherName
        self.prompt = prompt
    }

    public func reply(to request: ChatRequest) async throws -> ChatReply {
        if let last = request.lastFromOther {
            await console.show("\(otherName): \(last.text)")
        }
        guard let line = await console.readLine(prompt: prompt),
            !line.trimmingCharacters(in: .whitespaces).isEmpty
        else {
            throw ChatterError.conversationOver("the person ended the conversation")
        }
        return ChatReply(line)
    }
}
