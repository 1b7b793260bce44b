import Foundation

/// Errors of the lab itself (files and folders); configuration errors are ``LabYAML/ConfigError``.
public enum LabError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case missingFile(path: String, hint: String)
    case badTranscript(path: String, line: Int, reason: String)
    /// A transcript whose turn indices do not count 1, 2, 3...: a turn repeated or missing.
    case badTurnOrder(path: String, line: Int, problem: String)
    /// A JSON record of a report folder (experiment, probes, conversation) that cannot be read.
    case badRecord(path: String, reason: String)
    case notAReportFolder(path: String)
    /// Another process holds the folder's lock (see ``FolderLock``): it is writing the folder now.
    case folderInUse(path: String, pid: Int32?)
    /// `--report-dir` names a folder that already has files, which a new run must not mix with its own.
    case folderNotEmpty(path: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            return "\(path): error: cannot write: \(reason)." + Self.hint(reason)
        case .missingFile(let path, let hint):
            return "\(path): error: no such file. \(hint)"
        case .badTurnOrder(let path, let line, let problem):
            return "\(path):\(line): error: \(problem); the transcript was written by two processes at once or "
                + "edited. Run the experiment again into a new --report-dir."
        case .badTranscript(let path, let line, let reason):
            return "\(path):\(line): error: this transcript line is not a turn: \(reason)"
        case .badRecord(let path, let reason):
            return "\(path): error: \(reason). The file was changed or cut short; run the experiment again."
        case .notAReportFolder(let path):
            return "\(path): error: not a report folder (no config.yaml and experiment.json). "
                + "Give the folder that 'chatlab run' printed."
        case .folderInUse(let path, let pid):
            return "\(path): error: another chatlab process (\(pid.map { "pid \($0)" } ?? "pid unknown")) is writing "
                + "this report folder. Wait for it to finish, or stop it, and try again."
        case .folderNotEmpty(let path):
            return "\(path): error: the folder exists and is not empty; a new run needs a new or empty folder. "
                + "Give another --report-dir, add --force to clear it (a report folder only), or use "
                + "'chatlab run --resume \(path)' to finish an interrupted run there."
        }
    }

    /// What to do about a write that failed for `reason` (the system's message).
    private static func hint(_ reason: String) -> String {
        func says(_ codes: Int32...) -> Bool { codes.contains { reason.hasPrefix(String(cString: strerror($0))) } }
        if says(ENOSPC, EDQUOT, EFBIG) { return " Make room on that disk (or write elsewhere) and try again." }
        if says(EACCES, EPERM, ENOENT, ENOTDIR, EROFS) { return " Check that the folder exists and is writable." }
        return ""
    }
}
