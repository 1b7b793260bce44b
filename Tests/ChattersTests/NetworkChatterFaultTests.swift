import BotServer
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Chatters
import Foundation
import LabCore
import TestSupport
import LLM
import Testing
import Transport

/// The network chatters against a real misbehaving server (`Tests/Fixtures/fault_server.py`) and the built-in one.
@Suite(.serialized) struct NetworkChatterFaultTests {
    let server: ServerProcess

    init() throws {
        server = try ServerProcess.faultServer()
    }

    private func turn(round: Int = 1, text: String = "hello") -> ChatRequest {
        ChatRequest(conversation: "t-run-1", run: 1, round: round, seat: .chatter2,
                    history: [Utterance(seat: .chatter1, text: text)], spokenBefore: 0, seed: 11)
    }

    private func http(_ mode: String, timeout: Double = 30, retries: Int = 2, headers: HeaderSettings = HeaderSettings())
        -> HTTPBotChatter
    {
        HTTPBotChatter(
            endpoint: Endpoint("\(server.base)/\(mode)/chat", schemes: ["http"])!, headers: headers,
            body: RequestTemplate(.object(["message": "{{message}}", "round": "{{round}}"])),
            replyPath: ReplyPath("data.messages.0.text"), timeout: .seconds(timeout),
            retry: RetryPolicy(retries: retries, baseDelay: 0.05))
    }

    private func failure(_ chatter: any Chatter, _ request: ChatRequest? = nil) async -> (kind: String, message: String)? {
        do {
            _ = try await chatter.reply(to: request ?? turn())
            return nil
        } catch ChatterError.failed(let kind, let message) {
            return (kind, message)
        } catch {
            return ("unexpected", "\(error)")
        }
    }

    @Test func aGoodAnswerGivesTheTextAndMetrics() async throws {
        let reply = try await http("ok").reply(to: turn())
        #expect(reply.text == "bot heard: hello")
        #expect(reply.metrics == ["retries": 0, "http_status": 200])
    }

    /// The client ports of the requests the server received, in order.
    private func ports() async throws -> [Int] {
        let (data, _) = try await URLSession.shared.data(from: URL(string: "\(server.base)/ports")!)
        return try JSONDecoder().decode([Int].self, from: data)
    }

    private func request(_ conversation: String, round: Int) -> ChatRequest {
        ChatRequest(conversation: conversation, run: 1, round: round, seat: .chatter2,
                    history: [Utterance(seat: .chatter1, text: "turn \(round)")], spokenBefore: 0, seed: 11)
    }

    @Test func eachConversationKeepsItsConnectionUntilItEnds() async throws {
        let chatter = http("ok")
        for round in 1...3 {
            for conversation in ["a", "b"] {
                let reply = try await chatter.reply(to: request(conversation, round: round))
                #expect(reply.text == "bot heard: turn \(round)")
            }
        }
        await chatter.endConversation("a")
        _ = try await chatter.reply(to: request("a", round: 4))
        let seen = try await ports()
        #expect(seen.count == 7)
        let a = [seen[0], seen[2], seen[4]]
        let b = [seen[1], seen[3], seen[5]]
        #expect(Set(a).count == 1 && Set(b).count == 1 && a[0] != b[0], "\(seen)")
        // Ended, so its next turn opens a new connection.
        #expect(seen[6] != a[0])
    }

    @Test func aKeptConnectionTheServerClosedIsReplacedWithoutARetry() async throws {
        let chatter = http("idleclose", retries: 0)
        for round in 1...3 {
            let reply = try await chatter.reply(to: request("a", round: round))
            #expect(reply.text == "bot heard: turn \(round)")
            #expect(reply.metrics["retries"] == 0)
        }
        #expect(Set(try await ports()).count == 3)
    }

    @Test func aSlowServerTimesOut() async throws {
        let result = await failure(http("slow", timeout: 0.5))
        #expect(result?.kind == "timeout")
    }

    @Test func aResetConnectionIsRetriedThenFailsAsConnection() async throws {
        let result = await failure(http("reset", retries: 1))
        #expect(result?.kind == "connection")
        #expect(result?.message.contains("after 1 retry") == true)
    }

    @Test func aRefusedConnectionIsAConnectionError() async throws {
        let chatter = HTTPBotChatter(
            endpoint: Endpoint("http://127.0.0.1:1/chat", schemes: ["http"])!, body: nil, replyPath: nil,
            retry: RetryPolicy(retries: 0))
        #expect(await failure(chatter)?.kind == "connection")
    }

    @Test func a500IsRetriedAndTheRetryCounted() async throws {
        let reply = try await http("flaky500").reply(to: turn())
        #expect(reply.text == "bot heard: hello")
        #expect(reply.metrics["retries"] == 1)
        let always = await failure(http("fail500", retries: 1))
        #expect(always?.kind == "http_500")
        #expect(always?.message.contains("always failing") == true)
    }

    @Test func a429WaitsForRetryAfter() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let reply = try await http("ratelimit").reply(to: turn())
        #expect(reply.metrics["retries"] == 1)
        // A lower bound only: the chatter must have waited the Retry-After second.
        #expect(clock.now - start >= .seconds(1))
    }

    @Test func malformedJSONAndAMissingPathAreMalformed() async throws {
        let bad = await failure(http("malformed"))
        #expect(bad?.kind == "malformed")
        #expect(bad?.message.contains("not JSON") == true)
        let missing = await failure(http("missing"))
        #expect(missing?.kind == "malformed")
        #expect(missing?.message.contains("data.messages.0.text") == true)
        #expect(missing?.message.contains("no messages here") == true)
    }

    @Test func headersAreSentAndTheOpenAIChatterSharesTheRetries() async throws {
        let headers = HeaderSettings([("Authorization", "Bearer token-123")])
        _ = try await http("auth", headers: headers).reply(to: turn())
        let (data, _) = try await URLSession.shared.data(from: URL(string: "\(server.base)/recorded")!)
        #expect(String(decoding: data, as: UTF8.self).contains("Bearer token-123"))

        let openai = OpenAIChatter(
            client: OpenAIClient(
                baseURL: Endpoint("\(server.base)/flaky500/v1", schemes: ["http"])!,
                retry: RetryPolicy(retries: 2, baseDelay: 0.05)),
            model: "m")
        let reply = try await openai.reply(to: turn(text: "two words"))
        #expect(reply.text == "bot heard: two words")
        #expect(reply.metrics["retries"] == 1)
        #expect(reply.metrics["prompt_tokens"] == 2)
        #expect(reply.metrics["completion_tokens"] == 4)
    }

    @Test func aDroppedWebSocketIsReopenedAndASilentOneTimesOut() async throws {
        let chatter = WebSocketChatter(
            endpoint: Endpoint("ws://127.0.0.1:\(server.port)/ws/drop", schemes: ["ws"])!,
            message: RequestTemplate(.object(["message": "{{message}}"])), replyPath: ReplyPath("reply"))
        for round in 1...3 {
            let reply = try await chatter.reply(to: turn(round: round, text: "r\(round)"))
            #expect(reply.text == "bot heard: r\(round)")
            #expect(reply.metrics["connected"] == 1)
        }
        await chatter.endConversation("t-run-1")
        let slow = WebSocketChatter(
            endpoint: Endpoint("ws://127.0.0.1:\(server.port)/ws/slow", schemes: ["ws"])!,
            message: RequestTemplate(.object(["message": "{{message}}"])), replyPath: nil, timeout: .seconds(0.5))
        #expect(await failure(slow)?.kind == "timeout")
    }
}
