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

/// Issue #22: the network chatters against hostile servers (`Tests/Fixtures/fault_server.py`): odd Retry-After
/// values, endless and oversized bodies, oversized WebSocket messages, unsolicited answers on a kept connection.
@Suite(.serialized) struct HostileServerTests {
    let server: ServerProcess

    init() throws {
        server = try ServerProcess.faultServer()
    }

    private func request(_ conversation: String = "c", round: Int = 1) -> ChatRequest {
        ChatRequest(conversation: conversation, run: 1, round: round, seat: .chatter2,
                    history: [Utterance(seat: .chatter1, text: "turn \(round)")], spokenBefore: 0, seed: 11)
    }

    private func http(_ mode: String, timeout: Double = 30, retries: Int = 2, maxReplyBytes: Int = ReplyLimit.defaultBytes)
        -> HTTPBotChatter
    {
        HTTPBotChatter(
            endpoint: Endpoint("\(server.base)/\(mode)/chat", schemes: ["http"])!,
            body: RequestTemplate(.object(["message": "{{message}}", "round": "{{round}}"])),
            replyPath: ReplyPath("data.messages.0.text"), timeout: .seconds(timeout),
            retry: RetryPolicy(retries: retries, baseDelay: 0.05), maxReplyBytes: maxReplyBytes)
    }

    private func failure(_ chatter: any Chatter, _ request: ChatRequest) async -> (kind: String, message: String)? {
        do {
            _ = try await chatter.reply(to: request)
            return nil
        } catch ChatterError.failed(let kind, let message) {
            return (kind, message)
        } catch {
            return ("unexpected", "\(error)")
        }
    }

    @Test(arguments: ["nan", "inf", "huge", "negative", "date"])
    func aHostileRetryAfterIsSurvivedAndTheRetrySucceeds(_ value: String) async throws {
        // The timeout caps a huge Retry-After; before the fix "nan" trapped the process (Task.sleep of NaN seconds).
        let reply = try await http("retryafter-\(value)", timeout: 3).reply(to: request())
        #expect(reply.text == "bot heard: turn 1")
        #expect(reply.metrics["retries"] == 1)
    }

    @Test func anEndlessBodyEndsTheTurnAsTooLarge() async throws {
        for mode in ["endless", "endlesschunked", "biglength"] {
            let result = await failure(http(mode, timeout: 60, retries: 0, maxReplyBytes: 1 << 20), request())
            #expect(result?.kind == "too_large", "\(mode): \(String(describing: result))")
            #expect(result?.message.contains("max_reply_bytes (1 MiB)") == true, "\(mode)")
        }
        // The chatter still works afterwards.
        #expect(try await http("ok").reply(to: request()).text == "bot heard: turn 1")
    }

    @Test func aStreamedOpenAIAnswerIsBoundedToo() async throws {
        let client = OpenAIClient(
            baseURL: Endpoint("\(server.base)/endlesschunked/v1", schemes: ["http"])!, timeout: .seconds(60),
            retry: RetryPolicy(retries: 0), maxReplyBytes: 1 << 20)
        let chatter = OpenAIChatter(client: client, model: "m", stream: true)
        #expect(await failure(chatter, request())?.kind == "too_large")
    }

    @Test func anUnsolicitedAnswerIsNeverTakenAsTheNextReply() async throws {
        let chatter = http("unsolicited", retries: 0)
        for round in 1...4 {
            let reply = try await chatter.reply(to: request("u", round: round))
            #expect(reply.text == "bot heard: turn \(round)")
            #expect(reply.metrics["retries"] == 0)
        }
    }

    private func webSocket(_ mode: String, maxReplyBytes: Int) -> WebSocketChatter {
        WebSocketChatter(
            endpoint: Endpoint("ws://127.0.0.1:\(server.port)/ws/\(mode)", schemes: ["ws"])!,
            message: RequestTemplate(.object(["message": "{{message}}"])), replyPath: ReplyPath("reply"),
            timeout: .seconds(60), maxReplyBytes: maxReplyBytes)
    }

    @Test func anOversizedWebSocketMessageEndsTheTurnAsTooLarge() async throws {
        for mode in ["huge", "fragments"] {
            let result = await failure(webSocket(mode, maxReplyBytes: 1 << 20), request())
            #expect(result?.kind == "too_large", "\(mode): \(String(describing: result))")
        }
    }
}

@Test(arguments: [
    ("120", 120.0), ("1.5", 1.5), (" 0 ", 0), ("nan", nil), ("NaN", nil), ("inf", nil), ("-5", nil), ("1e3", nil),
    ("0x10", nil), ("", nil), ("soon", nil), (String(repeating: "9", count: 400), nil),
] as [(String, Double?)])
func retryAfterReadsOnlyNonNegativeFiniteSeconds(_ value: String, _ expected: Double?) {
    #expect(RetryAfter.seconds(value) == expected)
}

@Test func retryAfterReadsTheThreeHTTPDateForms() {
    let now = Date(timeIntervalSince1970: 784_111_767)  // Sun, 06 Nov 1994 08:49:27 GMT
    #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:49:37 GMT", now: now) == 10)
    #expect(RetryAfter.seconds("Sunday, 06-Nov-94 08:49:37 GMT", now: now) == 10)
    #expect(RetryAfter.seconds("Sun Nov  6 08:49:37 1994", now: now) == 10)
    #expect(RetryAfter.seconds("Sat, 05 Nov 1994 08:49:37 GMT", now: now) == 0)
    #expect(RetryAfter.seconds("Sun, 06 Nov 1994 25:99:37 GMT", now: now) == nil)
}

@Test func retryDelaysAreAlwaysFiniteAndCapped() {
    let policy = RetryPolicy(retries: 2, baseDelay: 0.5, maxDelay: 30)
    var random = SeededRandom(seed: 1)
    #expect(policy.delay(attempt: 0, retryAfter: .nan, random: &random) <= 0.5)
    #expect(policy.delay(attempt: 0, retryAfter: .infinity, random: &random) <= 0.5)
    #expect(policy.delay(attempt: 0, retryAfter: 1e300, cap: 3, random: &random) == 3)
    #expect(policy.delay(attempt: 0, retryAfter: 20, cap: 5, random: &random) == 5)
    let backoff = policy.delay(attempt: 1_000, retryAfter: nil, random: &random)
    #expect(backoff.isFinite && backoff <= 30)
}

@Test func serverSentEventsSplitLinesAcrossChunks() {
    var events = ServerSentEvents()
    #expect(events.feed(Data("data: {\"a\"".utf8)).isEmpty)
    #expect(events.feed(Data(":1}\r\n\r\ndata: two\n".utf8)) == ["{\"a\":1}"])
    #expect(events.feed(Data("\ndata: three".utf8)) == ["two"])
    #expect(events.finish() == ["three"])
}
