import LabCore
import ArgumentParser
import Embeddings
import Foundation

extension ChatLab {
    struct Embed: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the sentence embedding of each input line as a JSON array of floats, one per line.",
            discussion: """
                The default encoder is all-MiniLM-L6-v2, computed locally (install it once with \
                'chatlab models install'); texts over 256 tokens are truncated and reported on standard error. \
                --encoder remote asks an OpenAI-compatible /v1/embeddings server instead.

                Examples:
                  printf 'I have a dog.\\nMy dog is called Pepper.\\n' | chatlab embed
                  chatlab embed texts.txt --threads 1
                  chatlab embed texts.txt --encoder remote --base-url https://api.example.com/v1 \\
                      --model text-embedding-3-small --api-key-env EMBEDDINGS_API_KEY
                """)

        @Argument(help: "A file with one text per line; '-' or nothing reads standard input.")
        var file: String?

        @Option(help: "minilm (local, default) or remote.")
        var encoder: EncoderKind = .minilm

        @Option(help: "Threads for the local encoder (default: all cores).")
        var threads: Int?

        @Option(help: "Remote encoder: the server's base URL, e.g. https://api.example.com/v1.")
        var baseURL: String?

        @Option(help: "Remote encoder: the model name sent to the server.")
        var model: String?

        @Option(help: "Remote encoder: the environment variable that holds the API key.")
        var apiKeyEnv: String?

        enum EncoderKind: String, ExpressibleByArgument, CaseIterable {
            case minilm, remote
        }

        func validate() throws {
            if let threads, threads < 1 { throw ValidationError("--threads takes a whole number of at least 1.") }
            if encoder == .remote {
                guard baseURL != nil, model != nil, apiKeyEnv != nil else {
                    throw ValidationError("--encoder remote needs --base-url, --model and --api-key-env.")
                }
                guard let baseURL, let url = URL(string: baseURL), url.scheme == "http" || url.scheme == "https" else {
                    throw ValidationError("--base-url must be an http:// or https:// URL.")
                }
            }
        }

        func run() throws {
            let lines = try readLines()
            let textEncoder = try makeEncoder()
            let chunk = 256
            for start in stride(from: 0, to: lines.count, by: chunk) {
                let texts = Array(lines[start..<min(start + chunk, lines.count)])
                let vectors: [[Float]]
                if let local = textEncoder as? MiniLMEncoder {
                    let encodings = local.encodeDetailed(texts)
                    for (offset, encoding) in encodings.enumerated() where encoding.wasTruncated {
                        FileHandle.standardError.write(Data(
                            ("line \(start + offset + 1): truncated to \(encoding.tokenCount) tokens "
                                + "(the whole text has \(encoding.fullTokenCount))\n").utf8))
                    }
                    vectors = encodings.map(\.vector)
                } else {
                    vectors = try CLIErrors.reporting { try textEncoder.encode(texts) }
                }
                var output = ""
                for vector in vectors { output += "[" + vector.map { "\($0)" }.joined(separator: ",") + "]\n" }
                FileHandle.standardOutput.write(Data(output.utf8))
            }
        }

        private func makeEncoder() throws -> any TextEncoder {
            switch encoder {
            case .minilm:
                return try CLIErrors.reporting { try MiniLMEncoder.shared(threads: threads) }
            case .remote:
                return try CLIErrors.reporting {
                    try RemoteEncoder(baseURL: URL(string: baseURL!)!, model: model!, apiKeyVariable: apiKeyEnv!)
                }
            }
        }

        private func readLines() throws -> [String] {
            let data: Data
            if let file, file != "-" {
                guard let contents = FileManager.default.contents(atPath: file) else {
                    throw ValidationError("Cannot read \(file). Give a text file, or '-' for standard input.")
                }
                data = contents
            } else {
                data = FileHandle.standardInput.readDataToEndOfFile()
            }
            var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            if lines.last == "" { lines.removeLast() }
            return lines
        }
    }
}
