import ArgumentParser
import Batch
import Embeddings
import Foundation
import LabCore

/// What `chatlab batch` and `chatlab schedule` share: the matrix, the database and the services they run with.
struct BatchOptions: ParsableArguments {
    @Argument(help: "The matrix file (YAML): providers, models, question sets, budget, schedule.")
    var matrix: String

    @Option(help: "The history database (default: the matrix's 'database', else history/<matrix name>.sqlite).")
    var db: String?

    @Flag(help: "Leave coverage by meaning out (it needs the all-MiniLM-L6-v2 encoder: chatlab models install).")
    var noMeaning = false

    func load() throws -> BatchMatrix { try CLIErrors.reporting { try MatrixLoader.load(path: matrix) } }

    /// `--db`, else the matrix's `database`, else `history/<matrix name>.sqlite`; a shard's default is its own file
    /// beside it (`...-shard-K-of-N.sqlite`).
    func databasePath(_ matrix: BatchMatrix, shard: ShardSpec? = nil) -> String {
        if let db { return db }
        let path = matrix.database ?? "history/\(matrix.name).sqlite"
        guard let shard else { return path }
        let stem = path.hasSuffix(".sqlite") ? String(path.dropLast(7)) : path
        return "\(stem)-shard-\(shard.index)-of-\(shard.count).sqlite"
    }

    /// The services, with the native encoder when installed (a note on standard error when it is not).
    func services() -> BatchServices {
        guard !noMeaning else { return BatchServices() }
        do {
            return BatchServices(encoder: try MiniLMEncoder.shared())
        } catch {
            FileHandle.standardError.write(Data(
                "note: no coverage by meaning (\(error)); run 'chatlab models install' or pass --no-meaning\n".utf8))
            return BatchServices()
        }
    }

    func openStore(_ matrix: BatchMatrix, shard: ShardSpec? = nil) throws -> HistoryStore {
        try CLIErrors.reporting { try HistoryStore(path: databasePath(matrix, shard: shard)) }
    }
}

/// Prints one line per answer and a closing line per batch.
enum BatchPrinter {
    static func answer(_ record: AnswerRecord) {
        let what = record.success
            ? String(format: "%.3f s", record.latency ?? 0) + (record.tokensPerSecond.map { String(format: ", %.1f tok/s", $0) } ?? "")
            : "failed: \(record.errorClass ?? "?")"
        print("  \(record.provider)/\(record.model) \(record.question): \(what)")
    }

    static func report(_ report: BatchSession.Report) {
        let outcome = report.outcome
        var line = "batch \(report.batch): \(report.status.rawValue); \(outcome.recorded) answers recorded now"
        if report.resumed > 0 { line += ", \(report.resumed) already in the history (resumed)" }
        line += ", \(outcome.failed) failed"
        if outcome.stoppedByBudget { line += "; the budget stopped it with \(outcome.unasked) answers unasked" }
        print(line)
    }
}
