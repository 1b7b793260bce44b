import Digest

/// Makes the id of one execution of an experiment (see ``ExperimentInfo/execution``).
public enum ExecutionID {
    /// Eight random lower-case hex characters, e.g. `3f9a0c12`, from the system's random source.
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = UInt32.random(in: .min ... .max, using: &generator)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// The id of conversation number `run` of experiment `name`: `<name>-<execution>-run-<run>`, or
    /// `<name>-run-<run>` without an execution (tests that run conversations directly, folders of older versions).
    public static func conversation(name: String, execution: String?, run: Int) -> String {
        execution.map { "\(name)-\($0)-run-\(run)" } ?? "\(name)-run-\(run)"
    }
}

extension ExecutionID {
    /// The execution id all shards of one split experiment share, so every conversation id is the one a single
    /// machine would have used with that id: eight hex characters of a digest of the config, seed, size and split.
    /// The same inputs always give the same id (pin another with the config's `session_id`).
    public static func shared(digest: String, seed: UInt64, runs: Int, rounds: Int, shards: Int) -> String {
        String(SHA256.hex(Array("\(digest) \(seed) \(runs) \(rounds) \(shards)".utf8)).prefix(8))
    }
}
