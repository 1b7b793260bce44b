import ArgumentParser
import Batch
import Lab
import LoadTest
import Transcripts

extension ChatLab {
    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Join the shard folders of 'chatlab run --shard K/N' (or 'chatlab load --shard K/N') into one report folder.",
            discussion: """
                Checks that the folders are the N shards of one split (same config digest, seed, runs, rounds, \
                execution id and N; each shard once; none missing; every run finished) and refuses otherwise, \
                naming the folder at fault. Then writes the report folder a single machine would have written: \
                config.yaml, experiment.json (started when the first shard started, ended when the last ended), \
                the probe plans, every transcript and conversation record copied byte for byte, and report.xlsx, \
                summary.xlsx and summary.json computed from all runs in run order.

                Judges the config's 'thresholds:' and --fail-on as 'chatlab run' does (exit status 1 when a limit \
                is missed or a bot under test answered nothing).

                Load test shards (folders of 'chatlab load --shard K/N') merge into the folder of the whole test: \
                their histograms and counts added exactly, their message logs joined, the thresholds judged again \
                (exit status 1 when one is missed).

                The histories of a batch split with 'chatlab batch --shard K/N' (SQLite files) merge into the \
                history at --out (a new file, or one without those batches).

                Example: chatlab merge shards/demo-shard-* --out reports/demo-merged
                """)

        @Argument(help: "The shard folders (one per shard, any order).")
        var shards: [String] = []

        @Option(help: ArgumentHelp("The merged report folder (new or empty; see --force).", valueName: "dir"))
        var out: String

        @Flag(help: "Clear the --out folder first if an earlier run or merge wrote it (only a ChatLab report folder is cleared).")
        var force = false

        @OptionGroup var gate: GateOptions

        @OptionGroup var output: OutputOptions

        func run() async throws {
            if let first = shards.first, LoadShardMerge.isLoadShard(first) { return try mergeLoad() }
            if let first = shards.first, first.hasSuffix(".sqlite") { return try await mergeHistories() }
            let quiet = output.quiet
            let result = try await CLIErrors.reporting {
                try await ShardMerge.merge(
                    shards: shards, out: out, clearing: force, services: EncoderSetup.services
                ) {
                    if !quiet { ProgressPrinter.warn($0) }
                }
            }
            if !quiet {
                print("merged \(result.manifests.count) shards of \(result.experiment.name) "
                    + "(\(result.experiment.runs) runs, seed \(result.experiment.seed)) into \(out)")
            }
            ProgressPrinter(quiet: quiet).footer(result.analysis, folder: ReportFolder(path: out))
            let limits = Threshold.merge(
                result.experiment.thresholds, try gate.limits(codes: result.experiment.scoredCodes))
            try gate.enforce(result.analysis, thresholds: limits, quiet: quiet)
        }

        /// The shards' histories of a split batch: joined into the history at --out.
        private func mergeHistories() async throws {
            let rows = try await CLIErrors.reporting { try await HistoryShardMerge.merge(files: shards, into: out) }
            for row in rows {
                print("batch \(row.id): \(row.planned) answers planned, \(row.status.rawValue), from \(shards.count) shards")
            }
            print("merged into \(out)")
        }

        /// The shards of a load test: merged, printed like 'chatlab load' prints a run.
        private func mergeLoad() throws {
            let results = try CLIErrors.reporting { try LoadShardMerge.merge(folders: shards, out: out) }
            LoadReportPrinter.print(results)
            print("merged \(shards.count) load test shards into \(out)")
            if results.thresholds.contains(where: { !$0.passed }) { throw ExitCode(1) }
        }
    }
}
