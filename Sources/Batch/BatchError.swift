/// Why a batch, a history or a schedule cannot go on; each message says what to do.
public enum BatchError: Error, Sendable, Equatable, CustomStringConvertible {
    case badProviderURL(provider: String, url: String)
    case missingKey(provider: String, variable: String)
    /// The history database cannot be opened, read or written.
    case database(path: String, reason: String)
    /// The database holds another matrix's schedule, or a schedule with other settings.
    case scheduleMismatch(path: String, reason: String)
    /// Another scheduler holds the database.
    case schedulerRunning(path: String, pid: Int32?)
    /// `--emit` cannot express the schedule.
    case cannotEmit(reason: String, fix: String)
    case badSlice(reason: String, fix: String)
    /// The history files given to `chatlab merge` are not the complete, single set of shards of their batches.
    case badShards(file: String, reason: String, fix: String)

    public var description: String {
        switch self {
        case .badProviderURL(let provider, let url):
            return "error: provider '\(provider)' has base URL '\(url)', which is not an http(s) URL. Fix base_url in the matrix."
        case .missingKey(let provider, let variable):
            return "error: provider '\(provider)' needs an API key in the environment variable \(variable), which is "
                + "not set. Export it (export \(variable)=...) or change key_env in the matrix."
        case .database(let path, let reason):
            return "\(path): error: the history database cannot be used: \(reason). Check the path and its permissions."
        case .scheduleMismatch(let path, let reason):
            return "\(path): error: \(reason). Use another database, or finish the old schedule first."
        case .schedulerRunning(let path, let pid):
            return "\(path): error: another scheduler (\(pid.map { "pid \($0)" } ?? "pid unknown")) is running on this "
                + "database. Only one scheduler per database: stop it first, or use another database."
        case .cannotEmit(let reason, let fix):
            return "error: \(reason). \(fix)"
        case .badSlice(let reason, let fix):
            return "error: \(reason). \(fix)"
        case .badShards(let file, let reason, let fix):
            return "\(file): error: \(reason). \(fix)"
        }
    }
}
