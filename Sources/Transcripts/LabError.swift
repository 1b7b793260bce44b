/// Errors of the lab itself (files and folders); configuration errors are ``LabYAML/ConfigError``.
public enum LabError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case missingFile(path: String, hint: String)
    case badTranscript(path: String, line: Int, reason: String)
    /// A JSON record of a report folder (experiment, probes, conversation) that cannot be read.
    case badRecord(path: String, reason: String)
    case notAReportFolder(path: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            return "\(path): error: cannot write: \(reason). Check that the folder exists and is writable."
        case .missingFile(let path, let hint):
            return "\(path): error: no such file. \(hint)"
        case .badTranscript(let path, let line, let reason):
            return "\(path):\(line): error: this transcript line is not a turn: \(reason)"
        case .badRecord(let path, let reason):
            return "\(path): error: \(reason). The file was changed or cut short; run the experiment again."
        case .notAReportFolder(let path):
            return "\(path): error: not a report folder (no config.yaml and experiment.json). "
                + "Give the folder that 'chatlab run' printed."
        }
    }
}
