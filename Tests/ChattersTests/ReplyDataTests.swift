import Chatters
import Foundation
import LabCore
import LabYAML
import TestSupport
import Testing
import Transport

/// `data_paths`: the network chatters keep named values of each JSON answer as the reply's data, against the real
/// fixture server (`Tests/Fixtures/fault_server.py`, mode `data`).
@Suite(.serialized) struct ReplyDataTests {
    let server: ServerProcess

    init() throws {
        server = try ServerProcess.faultServer()
    }

    private let buttons: JSON = .array([
        .object(["title": "Yes", "value": 1]), .object(["title": "No", "value": 0]),
    ])

    private func turn(round: Int, text: String) -> ChatRequest {
        ChatRequest(conversation: "data-run-1", run: 1, round: round, seat: .chatter2,
                    history: [Utterance(seat: .chatter1, text: text)], spokenBefore: 0, seed: 5)
    }

    private func paths(_ entries: [(String, String)]) -> DataPaths {
        DataPaths(entries.map { (name: $0.0, path: ReplyPath($0.1)!) })
    }

    @Test func anHTTPChatterKeepsTheNamedValuesAndLeavesMissingOnesOut() async throws {
        let chatter = HTTPBotChatter(
            endpoint: Endpoint("\(server.base)/data/chat", schemes: ["http"])!,
            body: RequestTemplate(.object(["message": "{{message}}", "round": "{{round}}"])),
            replyPath: ReplyPath("data.messages.0.text"),
            dataPaths: paths([("intent", "intent"), ("buttons", "data.buttons"), ("first", "data.buttons.0.title"),
                              ("refs", "meta.references")]))
        let question = try await chatter.reply(to: turn(round: 2, text: "What is my name?"))
        #expect(question.text == "bot heard: What is my name?")
        #expect(question.data == [
            "intent": "question", "buttons": buttons, "first": "Yes", "refs": .array(["faq/2"]),
        ])
        let statement = try await chatter.reply(to: turn(round: 3, text: "I live in Porto"))
        #expect(statement.text == "bot heard: I live in Porto")
        #expect(statement.data == ["intent": "statement", "buttons": buttons, "first": "Yes"])
        #expect(statement.metrics == ["retries": 0, "http_status": 200])
    }

    @Test func aWebSocketChatterKeepsTheNamedValues() async throws {
        let chatter = WebSocketChatter(
            endpoint: Endpoint("ws://127.0.0.1:\(server.port)/ws/data", schemes: ["ws"])!,
            message: RequestTemplate(.object(["message": "{{message}}"])), replyPath: ReplyPath("reply"),
            dataPaths: paths([("intent", "intent"), ("buttons", "buttons"), ("refs", "meta.references.0")]))
        let greeting = try await chatter.reply(to: turn(round: 1, text: "Hello there"))
        #expect(greeting.text == "bot heard: Hello there")
        #expect(greeting.data == ["intent": "greeting", "buttons": buttons])
        let question = try await chatter.reply(to: turn(round: 2, text: "Are you a bot?"))
        #expect(question.data == ["intent": "question", "buttons": buttons, "refs": "faq/2"])
        await chatter.endConversation("data-run-1")
    }

    @Test func withoutDataPathsOrWithAPlainAnswerTheReplyHasNoData() async throws {
        let plain = HTTPBotChatter(
            endpoint: Endpoint("\(server.base)/ok/chat", schemes: ["http"])!,
            body: RequestTemplate(.object(["message": "{{message}}"])), replyPath: nil,
            dataPaths: paths([("intent", "intent")]))
        let reply = try await plain.reply(to: turn(round: 1, text: "hi"))
        #expect(reply.data.isEmpty)
        let none = HTTPBotChatter(
            endpoint: Endpoint("\(server.base)/data/chat", schemes: ["http"])!,
            body: RequestTemplate(.object(["message": "{{message}}"])), replyPath: ReplyPath("intent"))
        let bare = try await none.reply(to: turn(round: 1, text: "hi"))
        #expect(bare.text == "statement")
        #expect(bare.data.isEmpty)
    }
}

private func yaml(_ text: String) throws -> YAMLValue {
    try YAMLValue.parse(text, file: "t.yaml")
}

@Test func dataPathsAreReadFromTheChatterOptionsInOrder() throws {
    let map = try yaml("data_paths: {intent: intent, buttons: data.buttons, refs: meta.references}\n").mapping("chatter2")
    let paths = try DataPaths(yaml: map["data_paths"])
    #expect(paths.entries.map(\.name) == ["intent", "buttons", "refs"])
    #expect(paths.entries.map(\.path.description) == ["intent", "data.buttons", "meta.references"])
    #expect(try DataPaths(yaml: nil).isEmpty)
    let json = try JSON.parse(Data(#"{"intent": "buy", "meta": {"references": [1, 2.5, null]}}"#.utf8))
    #expect(paths.values(in: json) == ["intent": "buy", "refs": .array([1, .number(2.5), .null])])
    #expect(paths.values(in: Data("not json".utf8)).isEmpty)
}

@Test(arguments: [
    ("data_paths: {intent: 'a..b'}", "t.yaml:3:22", "empty step"),
    ("data_paths: [intent, buttons]", "t.yaml:3:13", "mapping"),
    ("data_paths: {buttons: {path: data.buttons}}", "t.yaml:3:23", "text"),
    ("data_paths: {intent: ''}", "t.yaml:3:22", "empty"),
    ("data_paths: {intent: }", "t.yaml:3:13", "no path for 'intent'"),
    ("data_paths: intent", "t.yaml:3:13", "mapping"),
])
func aMalformedDataPathIsAConfigErrorWithItsLine(_ option: String, _ place: String, _ words: String) throws {
    for kind in ["http", "websocket"] {
        let url = kind == "http" ? "http://127.0.0.1:1/chat" : "ws://127.0.0.1:1/ws"
        let text = "url: \(url)\nreply_path: reply\n\(option)\n"
        let options = try yaml(text).mapping("chatter2")
        let registered = try #require(ChatterRegistry.kind(kind))
        #expect(registered.options.contains { $0.key == "data_paths" })
        #expect {
            _ = try registered.make(options, ChatterContext())
        } throws: { error in
            "\(error)".contains(place) && "\(error)".contains(words) && error is ConfigError
        }
    }
}
