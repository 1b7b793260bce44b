import Chatters
import LabCore

/// The bot behind a server: keeps each session's history and asks the chatter for the next reply.
///
/// The client sits in seat 1 and the bot in seat 2; the request for a turn holds the whole session so far, the
/// round number (one per client message) and a seed derived from the server's seed, the session and the round.
public actor BotSessions {
    public let chatter: any Chatter
    public let seed: UInt64
    private var histories: [String: [Utterance]] = [:]

    public init(chatter: any Chatter, seed: UInt64 = 1) {
        self.chatter = chatter
        self.seed = seed
    }

    /// What a turn gives back.
    public enum Answer: Sendable {
        /// The reply's text and its data (an intent, references...; empty for most bots).
        case reply(String, data: [String: JSON] = [:])
        /// The bot ended the conversation on purpose; the session is forgotten.
        case ended(String)
        /// The bot failed on this turn.
        case failed(kind: String, message: String)
    }

    /// Adds the client's message to the session, asks the bot, and adds its reply.
    public func say(_ message: String, session: String) async -> Answer {
        var history = histories[session, default: []]
        history.append(Utterance(seat: .chatter1, text: message))
        histories[session] = history
        let round = history.filter { $0.seat == .chatter1 }.count
        let request = Self.request(session: session, history: history, round: round, seed: seed)
        let answer = await Self.ask(chatter, request)
        if case .reply(let text, _) = answer {
            histories[session, default: []].append(Utterance(seat: .chatter2, text: text))
        } else if case .ended = answer {
            histories[session] = nil
            await chatter.endConversation(session)
        }
        return answer
    }

    /// Forgets a session and tells the bot its conversation is over.
    public func end(_ session: String) async {
        histories[session] = nil
        await chatter.endConversation(session)
    }

    /// Asks the bot once with a history the client supplies (the stateless OpenAI shape).
    public nonisolated func answer(history: [Utterance], session: String) async -> Answer {
        let round = max(1, history.filter { $0.seat == .chatter1 }.count)
        return await Self.ask(chatter, Self.request(session: session, history: history, round: round, seed: seed))
    }

    static func request(session: String, history: [Utterance], round: Int, seed: UInt64) -> ChatRequest {
        ChatRequest(
            conversation: session, run: 1, round: round, seat: .chatter2, history: history,
            spokenBefore: history.filter { $0.seat == .chatter2 }.count,
            seed: SeededRandom.derive(seed, stableHash(session), UInt64(round)))
    }

    static func ask(_ chatter: any Chatter, _ request: ChatRequest) async -> Answer {
        do {
            let reply = try await chatter.reply(to: request)
            return .reply(reply.text, data: reply.data)
        } catch ChatterError.conversationOver(let why), ChatterError.goalReached(let why) {
            return .ended(why)
        } catch ChatterError.failed(let kind, let message) {
            return .failed(kind: kind, message: message)
        } catch {
            return .failed(kind: "failed", message: "\(error)")
        }
    }

    /// FNV-1a of the session name: the same on every run and platform (unlike `hashValue`).
    static func stableHash(_ text: String) -> UInt64 { StableHash.fnv1a(text) }
}
