import ArgumentParser
import Dispatch
import Embeddings
import Foundation

extension ChatLab {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure how fast ChatLab's local computations run on this machine.",
            discussion: "Build in release mode first (make bench, make bench-workbook, make bench-embeddings).",
            subcommands: [Embeddings.self, ChatLab.BenchWorkbook.self, ChatLab.BenchServe.self])
    }
}

extension ChatLab.Bench {
    struct Embeddings: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "all-MiniLM-L6-v2 speed: texts/s and tokens/s by batch size, thread count and text length.",
            discussion: """
                Encodes the texts of scripts/bench_embeddings_texts.json (64 short, ~15 tokens; 64 long, ~60 tokens)
                with the cache off, at batch 1, 8 and 64 on 1 and 2 threads, and compares the arithmetic rate with
                the machine's peak sgemm rate measured in the same run (a 2048³ OpenBLAS product).
                scripts/bench_embeddings_torch.py prints the same table for sentence-transformers.
                """)

        @Option(help: "The benchmark texts (JSON with 'short' and 'long' lists).")
        var texts = "scripts/bench_embeddings_texts.json"

        @Option(help: "Seconds to measure each cell.")
        var seconds: Double = 2

        @Option(parsing: .upToNextOption, help: "Thread counts to measure.")
        var threads: [Int] = [1, 2]

        @Option(parsing: .upToNextOption, help: "Batch sizes to measure.")
        var batches: [Int] = [1, 8, 64]

        @Option(help: "The most tokens in one stacked forward pass (default: the encoder's).")
        var maxBatchTokens: Int?

        func run() throws {
            guard let data = FileManager.default.contents(atPath: texts),
                let sets = try? JSONDecoder().decode([String: [String]].self, from: data),
                let short = sets["short"], let long = sets["long"], !short.isEmpty, !long.isEmpty
            else { throw ValidationError("Cannot read \(texts): give a JSON file with 'short' and 'long' text lists.") }
            let model = try CLIErrors.reporting { try MiniLMModel.installed() }
            var encoder = MiniLMEncoder(model: model, caching: false)
            if let maxBatchTokens { encoder.maxTokensPerBatch = maxBatchTokens }

            var peaks: [Int: Double] = [:]
            for count in threads { peaks[count] = SGEMMPeak.measure(threads: count) }
            print("peak sgemm (2048x2048x2048, OpenBLAS): "
                + threads.map { "\($0) thread\($0 == 1 ? "" : "s") \(format(peaks[$0]!, 1)) GFLOP/s" }.joined(separator: ", "))
            print("engine      threads  texts  tokens/text  batch    texts/s    tokens/s   GFLOP/s  % of peak")
            for count in threads {
                BLASThreads.set(count)
                for (name, list) in [("short", short), ("long", long)] {
                    let tokens = list.map { model.tokenizer.tokenize($0).ids.count }
                    let meanTokens = Double(tokens.reduce(0, +)) / Double(tokens.count)
                    for batch in batches {
                        let cell = measure(encoder, list, tokens: tokens, batch: batch, config: model.config)
                        let gflops = cell.flops / cell.seconds / 1e9
                        print("swift-blas  \(pad(count, 7))  \(name.padding(toLength: 5, withPad: " ", startingAt: 0))"
                            + "  \(pad(format(meanTokens, 1), 11))  \(pad(batch, 5))  \(pad(format(cell.texts / cell.seconds, 1), 9))"
                            + "  \(pad(format(cell.tokens / cell.seconds, 0), 10))  \(pad(format(gflops, 1), 8))"
                            + "  \(pad(format(100 * gflops / peaks[count]!, 1), 8)) %")
                    }
                }
            }
        }

        private struct Cell {
            var texts = 0.0, tokens = 0.0, flops = 0.0, seconds = 0.0
        }

        /// Encodes `batch` texts at a time, cycling through `list`, for at least `seconds` (after one warm-up batch).
        private func measure(_ encoder: MiniLMEncoder, _ list: [String], tokens: [Int], batch: Int, config: BertConfig) -> Cell {
            var cell = Cell()
            var next = 0
            func group() -> [Int] {
                let indices = (0..<batch).map { (next + $0) % list.count }
                next = (next + batch) % list.count
                return indices
            }
            _ = encoder.encodeDetailed(group().map { list[$0] })
            let start = DispatchTime.now().uptimeNanoseconds
            repeat {
                let indices = group()
                _ = encoder.encodeDetailed(indices.map { list[$0] })
                cell.texts += Double(indices.count)
                for index in indices {
                    let n = tokens[index]
                    cell.tokens += Double(n)
                    cell.flops += Double(n * config.flopsPerToken(length: n))
                }
                cell.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            } while cell.seconds < seconds
            return cell
        }

        private func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
        private func pad(_ value: Any, _ width: Int) -> String {
            let text = "\(value)"
            return String(repeating: " ", count: max(0, width - text.count)) + text
        }
    }
}
