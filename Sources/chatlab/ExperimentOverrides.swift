import ArgumentParser
import Lab

/// Flags that override the most common config keys.
struct ExperimentOverrides: ParsableArguments {
    @Option(help: "Seed for everything random (overrides 'seed').")
    var seed: UInt64?

    @Option(help: "Number of conversations (overrides 'runs').")
    var runs: Int?

    @Option(help: "Rounds per conversation (overrides 'rounds').")
    var rounds: Int?

    @Option(help: "Folder that receives the report folder (overrides 'report.out').")
    var out: String?

    func validate() throws {
        if let runs, runs < 1 { throw ValidationError("--runs must be 1 or more.") }
        if let rounds, rounds < 1 { throw ValidationError("--rounds must be 1 or more.") }
    }

    func apply(to experiment: inout Experiment) {
        if let seed { experiment.seed = seed }
        if let runs { experiment.runs = runs }
        if let rounds { experiment.rounds = rounds }
        if let out { experiment.report.out = out }
    }
}
