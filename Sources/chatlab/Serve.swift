import ArgumentParser
import BotServer
import Chatters
import Foundation
import Lab
import LabCore
import LabYAML

extension ChatLab {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve a chatter over HTTP, WebSocket and the OpenAI chat completions shape (or HTTPS and WSS).",
            discussion: """
                Endpoints: POST /chat {"session": "s1", "message": "Hi"} -> {"reply": "..."}; \
                GET /ws (WebSocket; text frames {"message": "..."} -> {"reply": "..."}); \
                POST /v1/chat/completions (OpenAI shape, "stream": true for server-sent events). \
                The server keeps each session's history. It runs until it is stopped (Ctrl-C). \
                With --tls-cert and --tls-key (PEM files) the same endpoints are served over HTTPS and WSS only.

                Example: chatlab serve --bot reference --port 8080
                Example: chatlab serve --bot reference --port 8443 --tls-cert server.pem --tls-key server.key
                """)

        @Option(help: "The chatter kind to serve, e.g. reference or echo (its default options).")
        var bot: String?

        @Option(name: .customLong("with"), help: "Or a YAML file describing the chatter (kind and options).")
        var chatterFile: String?

        @Option(help: "Port to listen on; 0 picks a free one (the line printed at start names it).")
        var port: Int = 8080

        @Option(help: "Address to listen on.")
        var host: String = "127.0.0.1"

        @Option(help: "Seed for anything random the bot does (each session and round derives its own).")
        var seed: UInt64 = 1

        @Option(help: "Serve HTTPS and WSS with this PEM certificate (chain); needs --tls-key.")
        var tlsCert: String?

        @Option(help: "The PEM private key of --tls-cert (unencrypted).")
        var tlsKey: String?

        @Option(name: .customLong("model"), help: ArgumentHelp(
            "A model name the OpenAI endpoint answers to, with its pace: NAME[:TTFT_SECONDS[:TOKENS_PER_SECOND]] "
                + "(repeatable; given any, other names get 404 model_not_found).", valueName: "model"))
        var servedModels: [String] = []

        func validate() throws {
            guard (bot == nil) != (chatterFile == nil) else {
                throw ValidationError("Give exactly one of --bot KIND and --with FILE.")
            }
            guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535.") }
            guard (tlsCert == nil) == (tlsKey == nil) else {
                throw ValidationError("Give both --tls-cert FILE and --tls-key FILE (PEM), or neither for plain HTTP.")
            }
            for text in servedModels where ServedModel(parsing: text) == nil {
                throw ValidationError(
                    "--model '\(text)' is not NAME[:TTFT_SECONDS[:TOKENS_PER_SECOND]], e.g. fast:0.05:400 (ttft 0...600 s).")
            }
        }

        func run() async throws {
            let configured = try CLIErrors.reporting { try loadChatter() }
            let tls = try CLIErrors.reporting { () throws -> ServerTLS? in
                guard let tlsCert, let tlsKey else { return nil }
                return try ServerTLS(certificateFile: tlsCert, keyFile: tlsKey)
            }
            let server: BotServer
            do {
                server = try await BotServer.bind(
                    host: host, port: port, chatter: configured.chatter, model: configured.kind, seed: seed, tls: tls,
                    served: servedModels.compactMap(ServedModel.init(parsing:)))
            } catch {
                FileHandle.standardError.write(Data("error: cannot listen on \(host):\(port): \(error)\n".utf8))
                throw ExitCode(1)
            }
            FileHandle.standardOutput.write(Data("serving \(configured.kind) on \(server.scheme)://\(host):\(server.port)\n".utf8))
            try await server.run()
        }

        private func loadChatter() throws -> ConfiguredChatter {
            if let chatterFile { return try ChatterLoader.load(path: chatterFile, context: Warnings.context()) }
            let kind = bot ?? ""
            guard ChatterRegistry.kind(kind) != nil else {
                let known = ChatterRegistry.all.map(\.id)
                let hint = Suggestion.nearest(to: kind, in: known).map { " Did you mean '\($0)'?" } ?? ""
                throw ValidationError("unknown bot kind '\(kind)'.\(hint) Known kinds: \(known.joined(separator: ", ")).")
            }
            let map = try YAMLValue.parse("kind: \(kind)\n", file: "--bot").mapping("the bot")
            return try ChatterLoader.load(map, name: kind, context: Warnings.context())
        }
    }
}
