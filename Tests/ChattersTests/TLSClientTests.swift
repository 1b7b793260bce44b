import Chatters
import Foundation
import LLM
import LabCore
import LabYAML
import TestSupport
import Testing
import Transport

/// The network chatters over real TLS: servers on 127.0.0.1 with a certificate from a throwaway CA (made with openssl
/// by ``ThrowawayCA``) or a self-signed one; trust comes from `ca_file`, or `insecure: true`, or not at all.
@Suite(.serialized) struct TLSClientTests {
    let ca: ThrowawayCA
    /// `fault_server.py` over TLS with the CA's certificate for 127.0.0.1.
    let trusted: ServerProcess
    /// The same server with a self-signed certificate.
    let selfSigned: ServerProcess

    init() throws {
        ca = try ThrowawayCA.make()
        trusted = try ServerProcess.faultServer(tls: (ca.certFile, ca.keyFile))
        selfSigned = try ServerProcess.faultServer(tls: (ca.selfSignedCertFile, ca.selfSignedKeyFile))
    }

    private func request(_ text: String = "hello", round: Int = 1) -> ChatRequest {
        ChatRequest(conversation: "tls-run-1", run: 1, round: round, seat: .chatter2,
                    history: [Utterance(seat: .chatter1, text: text)], spokenBefore: 0, seed: 5)
    }

    /// A chatter of `kind` made from YAML options, as a config would; `warnings` collects what it warns.
    private func chatter(_ kind: String, _ options: String, warnings: Box? = nil) throws -> any Chatter {
        let map = try YAMLValue.parse(options, file: "tls.yaml").mapping("chatter2")
        let context = ChatterContext(warn: { message in warnings?.append(message) })
        return try #require(ChatterRegistry.kind(kind)).make(map, context)
    }

    private func failure(_ chatter: any Chatter) async -> (kind: String, message: String)? {
        do {
            _ = try await chatter.reply(to: request())
            return nil
        } catch ChatterError.failed(let kind, let message) {
            return (kind, message)
        } catch {
            return ("unexpected", "\(error)")
        }
    }

    @Test func anHTTPSBotAnswersWhenItsCAIsGiven() async throws {
        let bot = try chatter("http", """
            url: https://127.0.0.1:\(trusted.port)/ok/chat
            body: {message: "{{message}}", round: "{{round}}"}
            reply_path: data.messages.0.text
            ca_file: \(ca.caFile)
            """)
        #expect(try await bot.reply(to: request("over TLS")).text == "bot heard: over TLS")
        #expect(try await bot.reply(to: request("again", round: 2)).text == "bot heard: again")
    }

    @Test func anUntrustedCertificateFailsNamingTheHostAndTheFix() async throws {
        let bot = try chatter("http", """
            url: https://127.0.0.1:\(trusted.port)/ok/chat
            body: {message: "{{message}}"}
            retries: 0
            """)
        let result = await failure(bot)
        #expect(result?.kind == "tls")
        #expect(result?.message.contains("127.0.0.1:\(trusted.port)") == true, "\(String(describing: result))")
        #expect(result?.message.contains("ca_file") == true)
        // A self-signed certificate is not made trusted by another CA's file.
        let other = try chatter("http", """
            url: https://127.0.0.1:\(selfSigned.port)/ok/chat
            body: {message: "{{message}}"}
            ca_file: \(ca.caFile)
            retries: 0
            """)
        #expect(await failure(other)?.kind == "tls")
    }

    @Test func insecureAcceptsASelfSignedServerAndIsWarnedAbout() async throws {
        let warnings = Box()
        let bot = try chatter("http", """
            url: https://127.0.0.1:\(selfSigned.port)/ok/chat
            body: {message: "{{message}}"}
            reply_path: data.messages.0.text
            insecure: true
            """, warnings: warnings)
        #expect(try await bot.reply(to: request("anyway")).text == "bot heard: anyway")
        #expect(warnings.items.count == 1)
        #expect(warnings.items.first?.contains("tls.yaml:4") == true, "\(warnings.items)")
    }

    @Test func aWSSBotAnswersWithItsCAAndFailsWithoutIt() async throws {
        let bot = try chatter("websocket", """
            url: wss://127.0.0.1:\(trusted.port)/ws/ok
            reply_path: reply
            ca_file: \(ca.caFile)
            """)
        #expect(try await bot.reply(to: request("secure socket")).text == "bot heard: secure socket")
        await bot.endConversation("tls-run-1")
        let untrusted = try chatter("websocket", "url: wss://127.0.0.1:\(trusted.port)/ws/ok\nreply_path: reply\n")
        let result = await failure(untrusted)
        #expect(result?.kind == "tls")
        #expect(result?.message.contains("ca_file") == true)
    }

    @Test func aStreamingOpenAIChatterWorksOverTLS() async throws {
        let server = try ServerProcess.chatlabServe(bot: "echo", extra: ["--tls-cert", ca.certFile, "--tls-key", ca.keyFile])
        let model = try chatter("openai", """
            base_url: https://127.0.0.1:\(server.port)/v1
            model: echo
            stream: true
            ca_file: \(ca.caFile)
            """)
        let reply = try await model.reply(to: request("streamed through TLS"))
        #expect(reply.text.contains("streamed through TLS"), "\(reply.text)")
        #expect(reply.metrics["ttft"] != nil)
        #expect(reply.metrics["completion_tokens"] != nil)
    }

    @Test func aKeyTheServerEchoesIsRedactedFromTheFailure() async throws {
        let key = "sk-echoed-\(UUID().uuidString)"
        let map = try YAMLValue.parse("""
            url: https://127.0.0.1:\(trusted.port)/echoauth/chat
            body: {message: "{{message}}"}
            headers: {Authorization: "Bearer ${CHATLAB_TLS_TEST_KEY}"}
            ca_file: \(ca.caFile)
            retries: 0
            """, file: "tls.yaml").mapping("chatter2")
        let headers = try HeaderSettings(yaml: map["headers"], environment: ["CHATLAB_TLS_TEST_KEY": key])
        let bot = HTTPBotChatter(
            endpoint: Endpoint("https://127.0.0.1:\(trusted.port)/echoauth/chat", schemes: ["https"])!, headers: headers,
            body: RequestTemplate(.object(["message": "{{message}}"])), replyPath: nil,
            retry: RetryPolicy(retries: 0), settings: ClientSettings(tls: TLSSettings(caFile: ca.caFile)))
        let result = await failure(bot)
        #expect(result?.kind == "http_401")
        #expect(result?.message.contains(key) == false, "\(String(describing: result))")
        #expect(result?.message.contains(Secrets.mask) == true, "\(String(describing: result))")
    }
}

/// Collects warnings from a `@Sendable` closure.
final class Box: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ text: String) { lock.withLock { stored.append(text) } }
    var items: [String] { lock.withLock { stored } }
}
