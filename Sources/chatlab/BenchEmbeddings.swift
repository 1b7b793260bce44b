import ArgumentParser
import Benchmarks
import Embeddings
import Foundation

extension ChatLab {
    /// `chatlab bench embeddings`.
    struct BenchEmbeddings: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "embeddings",
            abstract: "all-MiniLM-L6-v2 speed by thread count, text length and batch size, against PyTorch.",
            discussion: """
                Encodes the short and the long texts of --texts (cache off) at each batch size on each thread
                count, and prints texts/s, tokens/s, GFLOP/s and the share of the machine's peak sgemm rate
                (2048³ products sustained for --seconds, sampled with OpenBLAS in every round of every cell: a
                cell's share divides by the fastest sample taken alongside it; the run's highest, before and after
                the cells with OpenBLAS and torch.matmul too, is printed above the table). When a Python with sentence-transformers is found (--python, else the venv that make
                bench-embeddings-compare fills, else python3), PyTorch (CPU) encodes the same texts in the same
                run: every cell runs --rounds rounds, ChatLab and PyTorch alternating, and the fastest round of
                each counts. Ends with the goals of issue 5, met or missed. Relative paths that do not exist here
                are looked up in the repository the binary was built in. Build with -c release:
                make bench-embeddings / make bench-embeddings-compare.
                """)

        @Option(help: """
            The benchmark texts: JSON {"short": [...], "long": [...]}, or a text file with one text per line \
            (fewer than \(BenchTexts.shortLimit) tokens: short).
            """)
        var texts = "scripts/bench_embeddings_texts.json"

        @Option(help: "Seconds each engine encodes in one round of a cell.")
        var seconds = 1.0

        @Option(help: "Rounds per cell; the fastest counts.")
        var rounds = 3

        @Option(parsing: .upToNextOption, help: "Thread counts to measure.")
        var threads: [Int] = [1, 2]

        @Option(parsing: .upToNextOption, help: "Batch sizes to measure.")
        var batches: [Int] = [1, 8, 64]

        @Option(help: "The most tokens in one stacked forward pass (default: the encoder's).")
        var maxBatchTokens: Int?

        @Option(help: "A Python with sentence-transformers for the PyTorch columns.")
        var python: String?

        @Flag(help: "Measure ChatLab only.")
        var noPython = false

        @Option(help: "The PyTorch worker script.")
        var script = "scripts/bench_embeddings_torch.py"

        func validate() throws {
            guard rounds >= 1, seconds > 0 else { throw ValidationError("--rounds must be ≥ 1 and --seconds > 0.") }
            guard threads.allSatisfy({ $0 >= 1 }), batches.allSatisfy({ $0 >= 1 }) else {
                throw ValidationError("Thread counts and batch sizes must be ≥ 1.")
            }
        }

        func run() throws {
            let model = try CLIErrors.reporting { try MiniLMModel.installed() }
            var benchmark = EmbeddingBenchmark(
                texts: try CLIErrors.reporting {
                    try BenchTexts(path: RepositoryFile.locate(texts), tokenizer: model.tokenizer)
                })
            benchmark.threads = threads
            benchmark.batches = batches
            benchmark.seconds = seconds
            benchmark.rounds = rounds
            benchmark.maxTokensPerBatch = maxBatchTokens
            let worker = try CLIErrors.reporting { try pyTorch() }
            let report = try CLIErrors.reporting {
                try benchmark.run(model: model, pyTorch: worker) { note($0) }
            }
            print(report.text())
        }

        private func pyTorch() throws -> PyTorchWorker? {
            if noPython { return nil }
            guard let python = python ?? BenchProcess.pythonWithSentenceTransformers() else {
                note("PyTorch is not compared: no Python with sentence-transformers found "
                    + "(make bench-embeddings-compare installs one into \(BenchProcess.venv)).")
                return nil
            }
            let script = RepositoryFile.locate(script)
            guard FileManager.default.fileExists(atPath: script) else {
                throw ValidationError("Cannot find \(script): run from the repository's root, or give --script.")
            }
            return try PyTorchWorker(python: python, script: script)
        }

        private func note(_ line: String) {
            FileHandle.standardError.write(Data("bench: \(line)\n".utf8))
        }
    }
}
