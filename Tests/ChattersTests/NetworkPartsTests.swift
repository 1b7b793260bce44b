import Chatters
import Foundation
import LabCore
import LabYAML
import Testing
import Transport

private func yaml(_ text: String) throws -> YAMLValue {
    try YAMLValue.parse(text, file: "t.yaml")
}

private func request(round: Int = 3, seat: Seat = .chatter2) -> ChatRequest {
    ChatRequest(
        conversation: "exp-run-1", run: 1, round: round, seat: seat,
        history: [Utterance(seat: .chatter1, text: "Hi"), Utterance(seat: .chatter2, text: "Hello"),
                  Utterance(seat: .chatter1, text: "My cat is \"Tom\"")],
        spokenBefore: 1, seed: 7)
}

@Test func aTemplateReplacesWholePlaceholdersByJSONValues() throws {
    let template = try RequestTemplate(yaml: try yaml("""
        session: "{{session}}"
        round: "{{round}}"
        history: "{{history}}"
        text: "Round {{round}}: {{message}}"
        fixed: [1, true, x]
        """))
    let body = template.render(TemplateValues(request()))
    #expect(body["session"] == .string("exp-run-1-chatter2"))
    #expect(body["round"] == .number(3))
    #expect(body["text"] == .string("Round 3: My cat is \"Tom\""))
    #expect(body["fixed"] == .array([.number(1), .bool(true), .string("x")]))
    guard case .array(let history)? = body["history"] else { Issue.record("history is not a list"); return }
    #expect(history.count == 3)
    #expect(history[1] == .object(["role": "assistant", "content": "Hello"]))
    #expect(history[2]["role"] == "user")
    let text = TemplateValues(request()).historyText
    #expect(text == "user: Hi\nassistant: Hello\nuser: My cat is \"Tom\"")
}

@Test func anUnknownPlaceholderIsAConfigErrorWithItsLine() throws {
    #expect {
        _ = try RequestTemplate(yaml: try yaml("a: 1\nb: \"{{mesage}}\"\n"))
    } throws: { error in
        "\(error)".contains("t.yaml:2:4") && "\(error)".contains("{{mesage}}")
    }
}

@Test func aReplyPathFindsTextAndNamesWhatIsMissing() throws {
    let path = try #require(ReplyPath("data.messages.0.text"))
    let good = Data(#"{"data": {"messages": [{"text": "hi"}]}}"#.utf8)
    #expect(try path.extract(from: good) == "hi")
    #expect(ReplyPath("a..b") == nil)
    do {
        _ = try path.extract(from: Data(#"{"data": {"other": 1}}"#.utf8))
        Issue.record("no error")
    } catch let failure as NetworkFailure {
        #expect(failure.kind == "malformed")
        #expect(failure.message.contains("'messages' under 'data'"))
        #expect(failure.message.contains("data.messages.0.text"))
        #expect(failure.message.contains(#"{"data": {"other": 1}}"#))
    }
    do {
        _ = try path.extract(from: Data("<html>oops".utf8))
        Issue.record("no error")
    } catch let failure as NetworkFailure {
        #expect(failure.message.contains("not JSON"))
        #expect(failure.message.contains("<html>oops"))
    }
}

@Test func headersExpandEnvironmentVariablesAndNeverShowValues() throws {
    let value = try yaml("Authorization: Bearer ${TOKEN}\nX-Plain: two\n")
    let headers = try HeaderSettings(yaml: value, environment: ["TOKEN": "s3cret"])
    #expect(headers.fields.map(\.value) == ["Bearer s3cret", "two"])
    #expect(!headers.description.contains("s3cret"))
    #expect(headers.description.contains("Authorization"))
    #expect {
        _ = try HeaderSettings(yaml: value, environment: [:])
    } throws: { error in
        "\(error)".contains("t.yaml:1:16") && "\(error)".contains("'TOKEN', which is not set")
    }
}

@Test func serverSentEventsSurviveChunksSplitAnywhere() {
    let stream = "data: {\"a\":1}\n\ndata: x\r\ndata: y\n\n: comment\n\ndata: [DONE]\n\n"
    for cut in 1..<stream.utf8.count {
        var parser = ServerSentEvents()
        let bytes = Array(stream.utf8)
        let events = parser.feed(Data(bytes[..<cut])) + parser.feed(Data(bytes[cut...])) + parser.finish()
        #expect(events == ["{\"a\":1}", "x\ny", "[DONE]"])
    }
}

@Test func backoffIsExponentialJitteredBySeedAndHonoursRetryAfter() {
    let policy = RetryPolicy(retries: 3, baseDelay: 1, maxDelay: 30)
    var a = SeededRandom(seed: 5)
    var b = SeededRandom(seed: 5)
    let first = (0..<3).map { policy.delay(attempt: $0, retryAfter: nil, random: &a) }
    let second = (0..<3).map { policy.delay(attempt: $0, retryAfter: nil, random: &b) }
    #expect(first == second)
    for (attempt, delay) in first.enumerated() {
        let ceiling = pow(2, Double(attempt))
        #expect(delay >= ceiling / 2 && delay < ceiling)
    }
    #expect(policy.delay(attempt: 0, retryAfter: 4, random: &a) == 4)
    #expect(policy.delay(attempt: 0, retryAfter: 400, random: &a) == 30)
}

@Test func networkKindsAreRegisteredAndCheckTheirOptions() throws {
    for id in ["http", "openai", "websocket"] { #expect(ChatterRegistry.kind(id) != nil) }
    let http = try #require(ChatterRegistry.kind("http"))
    // https is a network address like http; an ftp one, a CA file that is not PEM, are config errors.
    _ = try http.make(try yaml("url: https://example.com/x\n").mapping("chatter2"), ChatterContext())
    #expect {
        _ = try http.make(try yaml("url: ftp://example.com/x\n").mapping("chatter2"), ChatterContext())
    } throws: { "\($0)".contains("not a http/https address") && "\($0)".contains("t.yaml:1:6") }
    #expect {
        _ = try http.make(
            try yaml("url: https://example.com/x\nca_file: /etc/hostname\n").mapping("chatter2"), ChatterContext())
    } throws: { "\($0)".contains("t.yaml:2:10") && "\($0)".contains("PEM") }
    let openai = try #require(ChatterRegistry.kind("openai"))
    #expect {
        _ = try openai.make(
            try yaml("base_url: http://127.0.0.1:1/v1\nmodel: m\napi_key_env: CHATLAB_SURELY_UNSET_VAR\n")
                .mapping("chatter2"), ChatterContext())
    } throws: { "\($0)".contains("CHATLAB_SURELY_UNSET_VAR") && "\($0)".contains("t.yaml:3:14") }
}
