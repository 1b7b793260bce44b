/// Which answers of the history to read: since a time, of some models, of one matrix.
public struct HistorySlice: Sendable, Hashable {
    /// Seconds since 1970; answers sent before are left out.
    public var since: Double?
    /// Empty: every model.
    public var models: [String]
    public var matrix: String?

    public init(since: Double? = nil, models: [String] = [], matrix: String? = nil) {
        self.since = since
        self.models = models
        self.matrix = matrix
    }
}
