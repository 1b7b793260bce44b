/// Why a child process of a benchmark gave no result.
public enum BenchProcessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `command` (program and arguments) ended with a non-zero `status`; `errors` is what it wrote to stderr.
    case failed(command: String, status: Int32, errors: String)
    /// `program` ended well but its last line was no measurement; `output` is all it printed.
    case noMeasurement(program: String, output: String)

    public var description: String {
        switch self {
        case .failed(let command, let status, let errors):
            "\(command) failed (\(status)): \(errors)"
        case .noMeasurement(let program, let output):
            "\(program) printed no measurement: \(output)"
        }
    }
}
