import Foundation
import TestSupport
import Testing

/// `fault_server.py --tls`, the misbehaving server the network clients' TLS tests stand on: every mode over TLS on
/// the printed port, a failed handshake costs it nothing, and `echoauth` reflects the secret like a hostile gateway.
/// curl and Python's ssl module are the clients.
@Suite struct FaultServerTLSTests {
    private let hello = #"{"message": "hello", "round": 1}"#

    @Test func everyModeIsServedOverTLSAndSurvivesFailedHandshakes() throws {
        let ca = try ThrowawayCA.make()
        let server = try ServerProcess.faultServer(tls: (certificate: ca.certFile, key: ca.keyFile))
        #expect(server.base.hasPrefix("https://"))
        let untrusted = try Curl.post("\(server.base)/ok/chat", body: hello)
        #expect(untrusted.status == Curl.untrustedCertificate, "\(untrusted.stderr)")
        let plain = try Curl.post("http://127.0.0.1:\(server.port)/ok/chat", body: hello)
        #expect(plain.status != 0, "plain HTTP must not be answered on the TLS port")

        let ok = try Curl.post("\(server.base)/ok/chat", body: hello, caFile: ca.caFile)
        #expect(ok.stdout.contains("bot heard: hello"), "\(ok.stderr)")
        let failing = try Curl.post("\(server.base)/fail500/chat", body: hello, caFile: ca.caFile, extra: ["-i"])
        #expect(failing.stdout.hasPrefix("HTTP/1.1 500"), "\(failing.stderr)")
        let openAI = try Curl.post(
            "\(server.base)/ok/v1/chat/completions", body: #"{"messages": [{"role": "user", "content": "hey"}]}"#,
            caFile: ca.caFile)
        #expect(openAI.stdout.contains("bot heard: hey"))

        let ws = try ChildProcess.run(
            "/usr/bin/env",
            ["python3", "\(ChatlabProcess.root)/Tests/Fixtures/wss_say.py", ca.caFile,
             "wss://localhost:\(server.port)/ws/ok", "over wss"])
        #expect(ws.stdout.contains("bot heard: over wss"), "\(ws.stderr)")
    }

    @Test func echoauthReflectsTheAuthorizationHeaderVerbatim() throws {
        let server = try ServerProcess.faultServer()
        let secret = #"Bearer sk-test-0123456789 "quoted" \ tail"#
        let reply = try Curl.post(
            "\(server.base)/echoauth/chat", body: hello, extra: ["-i", "-H", "Authorization: \(secret)"])
        #expect(reply.stdout.hasPrefix("HTTP/1.1 401"))
        #expect(reply.stdout.contains("\r\nX-Echo: \(secret)\r\n"))
        let body = try #require(reply.stdout.components(separatedBy: "\r\n\r\n").last)
        let json = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: [String: String]]
        #expect(json?["error"]?["message"] == "Incorrect API key provided: \(secret)")
    }
}
