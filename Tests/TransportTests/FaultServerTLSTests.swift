import Foundation
import LabCore
import TestSupport
import Testing

/// `fault_server.py --tls`, the misbehaving server the network clients' TLS tests stand on: every mode over TLS on
/// the printed port, a failed handshake costs it nothing, and `echoauth` reflects the secret like a hostile gateway.
/// curl and Python's ssl module are the clients, waited for off the cooperative pool (``BlockingWork``).
@Suite struct FaultServerTLSTests {
    private let hello = #"{"message": "hello", "round": 1}"#

    private func curl(_ url: String, caFile: String? = nil, body: String? = nil, extra: [String] = []) async throws
        -> ChildProcess.Result
    {
        let body = body ?? hello
        return try await BlockingWork.run(throwing: { try Curl.post(url, body: body, caFile: caFile, extra: extra) })
    }

    @Test func everyModeIsServedOverTLSAndSurvivesFailedHandshakes() async throws {
        let (ca, server) = try await BlockingWork.run(throwing: {
            let ca = try ThrowawayCA.make()
            return (ca, try ServerProcess.faultServer(tls: (certificate: ca.certFile, key: ca.keyFile)))
        })
        #expect(server.base.hasPrefix("https://"))
        let untrusted = try await curl("\(server.base)/ok/chat")
        #expect(untrusted.status == Curl.untrustedCertificate, "\(untrusted.stderr)")
        let plain = try await curl("http://127.0.0.1:\(server.port)/ok/chat")
        #expect(plain.status != 0, "plain HTTP must not be answered on the TLS port")

        let ok = try await curl("\(server.base)/ok/chat", caFile: ca.caFile)
        #expect(ok.stdout.contains("bot heard: hello"), "\(ok.stderr)")
        let failing = try await curl("\(server.base)/fail500/chat", caFile: ca.caFile, extra: ["-i"])
        #expect(failing.stdout.hasPrefix("HTTP/1.1 500"), "\(failing.stderr)")
        let openAI = try await curl(
            "\(server.base)/ok/v1/chat/completions", caFile: ca.caFile,
            body: #"{"messages": [{"role": "user", "content": "hey"}]}"#)
        #expect(openAI.stdout.contains("bot heard: hey"))

        let script = "\(ChatlabProcess.root)/Tests/Fixtures/wss_say.py"
        let url = "wss://localhost:\(server.port)/ws/ok"
        let ws = try await BlockingWork.run(throwing: {
            try ChildProcess.run("/usr/bin/env", ["python3", script, ca.caFile, url, "over wss"])
        })
        #expect(ws.stdout.contains("bot heard: over wss"), "\(ws.stderr)")
    }

    @Test func echoauthReflectsTheAuthorizationHeaderVerbatim() async throws {
        let server = try await BlockingWork.run(throwing: { try ServerProcess.faultServer() })
        let secret = #"Bearer sk-test-0123456789 "quoted" \ tail"#
        let reply = try await curl("\(server.base)/echoauth/chat", extra: ["-i", "-H", "Authorization: \(secret)"])
        #expect(reply.stdout.hasPrefix("HTTP/1.1 401"))
        #expect(reply.stdout.contains("\r\nX-Echo: \(secret)\r\n"))
        let body = try #require(reply.stdout.components(separatedBy: "\r\n\r\n").last)
        let json = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: [String: String]]
        #expect(json?["error"]?["message"] == "Incorrect API key provided: \(secret)")
    }
}
