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
