import ArgumentParser
import Benchmarks
import Embeddings
import Foundation

extension ChatLab {
    /// `chatlab bench embeddings`.
    struct BenchEmbeddings: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "embeddings",
            abstract: "all-MiniLM-L6-v2 speed by thread count, text length and batch size, against PyTorch and ONNX "
                + "Runtime.",
            discussion: """
                Encodes the short and the long texts of --texts (cache off) at each batch size on each thread \
                count, and prints texts/s, tokens/s, GFLOP/s, the plan the encoder chose, and the share of the \
                machine's best peak sgemm rate (2048³ float32 products sustained for --seconds: OpenBLAS sampled in \
                every round of every cell, and before and after the cells with OpenBLAS and each reference engine's \
                own library; a cell's peak is the higher of OpenBLAS's sample alongside it and the references' highest \
                of the run). The reference engines (--references: torch, sentence-transformers on PyTorch; onnx, \
                ONNX Runtime fp32 with its fast tokenizer and numpy pooling, as fastembed runs it) run from a Python \
                that imports them (--python, else the venv that make bench-embeddings-compare fills, else python3) \
                on the same texts in the same run: every cell runs --rounds rounds, the engines taking turns, and the \
                fastest round of each counts; each also returns the vectors of the first texts, compared with \
                ChatLab's. Prints which kernel OpenBLAS chose (make bench-embeddings unsets OPENBLAS_CORETYPE and \
                OPENBLAS_L2_SIZE for this command, as on a user's machine). Ends with the goals of issue 23, met or \
                missed. Relative paths that do not exist here are looked up in the repository the binary was built \
                in. Build with -c release:
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

        @Option(help: """
            A Python for the reference engines (sentence-transformers for torch; onnxruntime, onnx, tokenizers for \
            onnx, and torch and transformers to export the model once).
            """)
        var python: String?

        @Option(
            name: .customLong("references"), parsing: .upToNextOption,
            help: "The reference engines to compare: torch (sentence-transformers) and/or onnx (ONNX Runtime fp32).")
        var engines: [ReferenceEngine] = ReferenceEngine.allCases

        @Flag(help: "Measure ChatLab only.")
        var noPython = false

        @Option(help: "The reference engines' worker script.")
        var script = "scripts/bench_embeddings_reference.py"

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
            let workers = try CLIErrors.reporting { try references() }
            let report = try CLIErrors.reporting {
                try benchmark.run(model: model, references: workers) { note($0) }
            }
            print(report.text())
        }

        /// A worker per engine of --references whose modules a Python can import (--python, else the venv of
        /// make bench-embeddings-compare, else python3); the others are skipped with a note.
        private func references() throws -> [ReferenceWorker] {
            if noPython { return [] }
            let script = RepositoryFile.locate(script)
            guard FileManager.default.fileExists(atPath: script) else {
                throw ValidationError("Cannot find \(script): run from the repository's root, or give --script.")
            }
            return try engines.compactMap { engine in
                let found = python.map { BenchProcess.canImport(engine.modules, python: $0) ? $0 : nil }
                    ?? BenchProcess.python(importing: engine.modules)
                guard let found else {
                    let looked = python ?? "looked in \(BenchProcess.venv) and python3"
                    note("\(engine.name) is not compared: no Python that imports "
                        + "\(engine.modules.joined(separator: ", ")) found (\(looked); "
                        + "make bench-embeddings-compare installs them into \(BenchProcess.venv)).")
                    return nil
                }
                return try ReferenceWorker(engine: engine, python: found, script: script)
            }
        }

        private func note(_ line: String) {
            FileHandle.standardError.write(Data("bench: \(line)\n".utf8))
        }
    }
}

extension ReferenceEngine: ExpressibleByArgument {}
