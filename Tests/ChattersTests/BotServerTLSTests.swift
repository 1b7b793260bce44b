import BotServer
import Chatters
import Foundation
import LabCore
import Testing
import TestSupport

/// The built-in server over real TLS (`chatlab serve --tls-cert --tls-key`, in a process of its own so that no test
/// of this process can hold up its threads), with a CA made by openssl for the test; curl and Python's ssl module are
/// the clients, so certificates are verified by code other than the server's. Every child process is waited for off
/// the cooperative pool (``BlockingWork``), which the network tests running beside these need.
@Suite struct BotServerTLSTests {
    private func throwawayCA() async throws -> ThrowawayCA {
        try await BlockingWork.run(throwing: { try ThrowawayCA.make() })
    }

    /// Serves the echo bot with `certificate` and `key`.
    private func serving(certificate: String, key: String) async throws -> ServerProcess {
        try await BlockingWork.run(throwing: {
            try ServerProcess.chatlabServe(bot: "echo", extra: ["--tls-cert", certificate, "--tls-key", key])
        })
    }

    private let hello = #"{"session": "s", "message": "hi over tls"}"#

    private func curl(_ url: String, caFile: String? = nil, body: String? = nil) async throws
        -> ChildProcess.Result
    {
        let body = body ?? hello
        return try await BlockingWork.run(throwing: { try Curl.post(url, body: body, caFile: caFile) })
    }

    /// `Tests/Fixtures/wss_say.py`: one message over WSS, trusting only `caFile`.
    private func wssSay(_ url: String, trusting caFile: String, _ message: String) async throws
        -> ChildProcess.Result
    {
        let script = "\(ChatlabProcess.root)/Tests/Fixtures/wss_say.py"
        return try await BlockingWork.run(throwing: {
            try ChildProcess.run("/usr/bin/env", ["python3", script, caFile, url, message])
        })
    }

    private func chatlab(_ arguments: [String]) async throws -> ChildProcess.Result {
        try await BlockingWork.run(throwing: { try ChatlabProcess.run(arguments) })
    }

    @Test func httpsAnswersAClientThatTrustsTheCAAndOnlyThatClient() async throws {
        let ca = try await throwawayCA()
        let server = try await serving(certificate: ca.certFile, key: ca.keyFile)
        let url = "https://127.0.0.1:\(server.port)/chat"
        let untrusted = try await curl(url)
        #expect(untrusted.status == Curl.untrustedCertificate, "\(untrusted.stderr)")
        #expect(untrusted.stderr.contains("certificate"))
        let plain = try await curl("http://127.0.0.1:\(server.port)/chat")
        #expect(plain.status != 0, "plain HTTP must not be answered on the TLS port")

        // The failed handshakes above cost the server nothing: it still answers, by IP and by name.
        for host in ["127.0.0.1", "localhost"] {
            let trusted = try await curl("https://\(host):\(server.port)/chat", caFile: ca.caFile)
            #expect(trusted.status == 0, "\(trusted.stderr)")
            #expect(try JSON.parse(trusted.stdoutData)["reply"]?.scalarText == "hi over tls")
        }
        let completions = try await curl(
            "https://127.0.0.1:\(server.port)/v1/chat/completions", caFile: ca.caFile,
            body: #"{"messages": [{"role": "user", "content": "and the OpenAI shape"}]}"#)
        #expect(completions.stdout.contains("and the OpenAI shape"), "\(completions.stderr)")
    }

    @Test func wssUpgradesOverTheSameTLSPort() async throws {
        let ca = try await throwawayCA()
        let server = try await serving(certificate: ca.certFile, key: ca.keyFile)
        let url = "wss://127.0.0.1:\(server.port)/ws"
        let reply = try await wssSay(url, trusting: ca.caFile, "hi over wss")
        #expect(reply.status == 0, "\(reply.stderr)")
        #expect(try JSON.parse(reply.stdoutData)["reply"]?.scalarText == "hi over wss")
        let untrusted = try await wssSay(url, trusting: ca.selfSignedCertFile, "hi")
        #expect(untrusted.status == 1)
        #expect(untrusted.stderr.contains("CERTIFICATE_VERIFY_FAILED"), "\(untrusted.stderr)")
    }

    @Test func aSelfSignedCertificateIsServedButTrustedByNoOne() async throws {
        let ca = try await throwawayCA()
        let server = try await serving(certificate: ca.selfSignedCertFile, key: ca.selfSignedKeyFile)
        let url = "https://127.0.0.1:\(server.port)/chat"
        for trust in [nil, ca.caFile] {
            let refused = try await curl(url, caFile: trust)
            #expect(refused.status == Curl.untrustedCertificate, "\(refused.stderr)")
        }
        let pinned = try await curl(url, caFile: ca.selfSignedCertFile)
        #expect(pinned.status == 0, "\(pinned.stderr)")
        #expect(pinned.stdout.contains("hi over tls"))
    }

    @Test func theServerNamesItsScheme() async throws {
        let ca = try await throwawayCA()
        let tls = try ServerTLS(certificateFile: ca.certFile, keyFile: ca.keyFile)
        let secure = try await BotServer.bind(
            host: "127.0.0.1", port: 0, chatter: EchoChatter(), model: "echo", tls: tls)
        let plain = try await BotServer.bind(host: "127.0.0.1", port: 0, chatter: EchoChatter(), model: "echo")
        #expect(secure.scheme == "https" && plain.scheme == "http")
        await secure.close()
        await plain.close()
    }

    @Test func badCertificateAndKeyFilesAreNamedWithTheFix() async throws {
        let ca = try await throwawayCA()
        let notPEM = "\(ca.directory)/notes.txt"
        try Data("just some text\n".utf8).write(to: URL(fileURLWithPath: notPEM))
        func failure(_ certificate: String, _ key: String) -> ServerTLSError? {
            do {
                _ = try ServerTLS(certificateFile: certificate, keyFile: key)
                return nil
            } catch {
                return error as? ServerTLSError
            }
        }

        let missing = failure("\(ca.directory)/nowhere.pem", ca.keyFile)
        #expect(missing?.part == .certificate)
        #expect(missing?.description.contains("nowhere.pem: it cannot be read") == true)

        let text = failure(notPEM, ca.keyFile)
        #expect(text?.file == notPEM)
        #expect(text?.description.contains("no PEM certificate") == true)
        #expect(text?.fix.contains("openssl x509 -inform der") == true)

        let keyAsCertificate = failure(ca.keyFile, ca.keyFile)
        #expect(keyAsCertificate?.part == .certificate)

        let certificateAsKey = failure(ca.certFile, ca.certFile)
        #expect(certificateAsKey?.part == .privateKey)
        #expect(certificateAsKey?.description.contains("no PEM private key") == true)

        let mismatched = failure(ca.certFile, ca.selfSignedKeyFile)
        #expect(mismatched?.part == .privateKey)
        #expect(mismatched?.file == ca.selfSignedKeyFile)
        #expect(mismatched?.description.contains("does not belong to the certificate in \(ca.certFile)") == true)
        #expect(mismatched?.fix.contains("openssl pkey -pubout") == true)
    }

    @Test func serveRefusesBadTLSFilesBeforeListening() async throws {
        let ca = try await throwawayCA()
        let mismatched = try await chatlab(
            ["serve", "--bot", "echo", "--port", "0", "--tls-cert", ca.certFile, "--tls-key", ca.selfSignedKeyFile])
        #expect(mismatched.status == 2)
        #expect(mismatched.stderr.contains(ca.selfSignedKeyFile))
        #expect(mismatched.stderr.contains("does not belong"))
        #expect(!mismatched.stdout.contains("serving"))

        let half = try await chatlab(["serve", "--bot", "echo", "--port", "0", "--tls-cert", ca.certFile])
        #expect(half.status != 0)
        #expect(half.stderr.contains("Give both --tls-cert FILE and --tls-key FILE"))
    }
}
