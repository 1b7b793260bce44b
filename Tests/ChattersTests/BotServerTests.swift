import BotServer
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Chatters
import Foundation
import LabCore
import LLM
import Testing
import Transport

/// The built-in server, in process, talked to by the network chatters.
@Test func theBotServerAnswersEveryShapeAndKeepsSessions() async throws {
    let server = try await BotServer.bind(host: "127.0.0.1", port: 0, chatter: EchoChatter(), model: "echo")
    let serving = Task { try await server.run() }
    defer { serving.cancel() }
    let base = "127.0.0.1:\(server.port)"
    func request(_ round: Int, _ text: String) -> ChatRequest {
        ChatRequest(conversation: "c", run: 1, round: round, seat: .chatter2,
                    history: [Utterance(seat: .chatter1, text: "first words"), Utterance(seat: .chatter2, text: "first words"),
                              Utterance(seat: .chatter1, text: text)],
                    spokenBefore: 1, seed: 1)
    }

    let http = HTTPBotChatter(
        endpoint: Endpoint("http://\(base)/chat", schemes: ["http"])!,
        body: RequestTemplate(.object(["session": "{{session}}", "message": "{{message}}"])), replyPath: ReplyPath("reply"))
    #expect(try await http.reply(to: request(2, "over http")).text == "over http")

    let ws = WebSocketChatter(
        endpoint: Endpoint("ws://\(base)/ws", schemes: ["ws"])!,
        message: RequestTemplate(.object(["message": "{{message}}"])), replyPath: ReplyPath("reply"))
    #expect(try await ws.reply(to: request(2, "over ws")).text == "over ws")
    let again = try await ws.reply(to: request(3, "again"))
    #expect(again.text == "again")
    #expect(again.metrics["connected"] == 0)
    await ws.endConversation("c")

    for stream in [false, true] {
        let openai = OpenAIChatter(
            client: OpenAIClient(baseURL: Endpoint("http://\(base)/v1", schemes: ["http"])!), model: "echo",
            system: "Be brief.", stream: stream)
        let reply = try await openai.reply(to: request(2, "streamed or not, it comes back"))
        #expect(reply.text == "streamed or not, it comes back")
        #expect(reply.metrics["prompt_tokens"] == 10)
        #expect(reply.metrics["completion_tokens"] == 6)
        #expect((reply.metrics["ttft"] != nil) == stream)
        #expect((reply.metrics["tokens_per_second"] ?? 0) > 0)
    }
    await server.close()
}

@Test func theServerRejectsBadRequestsClearly() async throws {
    let server = try await BotServer.bind(host: "127.0.0.1", port: 0, chatter: EchoChatter(), model: "echo")
    let serving = Task { try await server.run() }
    defer { serving.cancel() }
    var request = URLRequest(url: URL(string: "http://127.0.0.1:\(server.port)/chat")!)
    request.httpMethod = "POST"
    request.httpBody = Data("not json".utf8)
    let (data, response) = try await URLSession.shared.data(for: request)
    #expect((response as? HTTPURLResponse)?.statusCode == 400)
    #expect(String(decoding: data, as: UTF8.self).contains("session"))
    let (_, missing) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(server.port)/nowhere")!)
    #expect((missing as? HTTPURLResponse)?.statusCode == 404)
    await server.close()
}
