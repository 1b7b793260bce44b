import ArgumentParser
import Batch
import Foundation
import LabCore

extension ChatLab {
    struct Batch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one batch of a matrix: every question to every model, measured and kept in a SQLite history.",
            discussion: """
                Each answer records latency, time to first token, tokens/s, success and error class, tokens, cost, \
                keyword and meaning coverage and the answer judge's verdict, and is committed as it arrives. A batch \
                that was killed midway is resumed by running the command again (nothing is asked twice). \
                --plan prints what would be asked, and the schedule's slots, without sending anything.

                Example: chatlab batch config/batch/retail-finance.yaml --plan
                """)

        @OptionGroup var options: BatchOptions

        @Flag(help: "Print the plan (answers per batch, the schedule's slots and answers in all) and send nothing.")
        var plan = false

        @Option(help: "The batch id (default: resume the matrix's unfinished batch, else a new one).")
        var batch: String?

        @Option(help: "Ask only this machine's part of the batch: K/N, or auto (Slurm array / Kubernetes index). Needs --batch (the same id on every shard); join the shards' histories with 'chatlab merge'.")
        var shard: String?

        func run() async throws {
            let matrix = try options.load()
            if plan {
                for line in MatrixPlanText.lines(matrix) { print(line) }
                return
            }
            let spec = try shard.map { text in
                try CLIErrors.reporting { try ShardSpec(parsing: text, environment: ProcessInfo.processInfo.environment) }
            }
            if spec != nil, batch == nil {
                try CLIErrors.reporting {
                    throw BatchError.badSlice(reason: "--shard needs --batch", fix: "Give every shard the same batch id, e.g. --batch nightly-2026-11-28.")
                }
            }
            let store = try options.openStore(matrix, shard: spec)
            let session = BatchSession(matrix: matrix, store: store, services: options.services())
            let report = try await CLIErrors.reporting {
                var id = batch ?? ""
                if batch == nil { id = try await session.nextBatchID() }
                let planned = spec.map { $0.items(of: matrix.answersPerBatch).count } ?? matrix.answersPerBatch
                print("batch \(id)\(spec.map { " shard \($0)" } ?? ""): \(planned) answers planned into \(store.path)")
                return try await session.run(id: id, shard: spec, answered: BatchPrinter.answer)
            }
            BatchPrinter.report(report)
        }
    }
}
