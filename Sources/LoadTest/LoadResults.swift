import Foundation
import Transcripts

/// Everything a load test produced, as written to `load.json`: the settings, the run's statistics (or each step's),
/// the thresholds' outcomes and every message.
public struct LoadResults: Sendable, Codable {
    /// What was run, e.g. `{"bot": "...", "users": "20", "arrival": "closed, think 0 s"}`.
    public var settings: [String: String]
    /// The whole run; for a step load, all steps merged.
    public var statistics: LoadStatistics
    public var steps: [StepRow]
    public var thresholds: [ThresholdResult]
    public var messages: [LoadMessage]

    public init(settings: [String: String], statistics: LoadStatistics, steps: [StepRow] = [],
                thresholds: [ThresholdResult] = [], messages: [LoadMessage]) {
        self.settings = settings
        self.statistics = statistics
        self.steps = steps
        self.thresholds = thresholds
        self.messages = messages
    }

    /// Writes the results as pretty, key-sorted JSON to a temporary name and renames it into place.
    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(self), to: path)
    }
}
