import Foundation
import Transcripts

/// Everything a load test produced, as written to `load.json`: the settings, the run's statistics (or each step's),
/// the thresholds' outcomes and the scorers' results; every message is in the message log beside it.
public struct LoadResults: Sendable, Codable {
    /// What was run, e.g. `{"bot": "...", "users": "20", "arrival": "closed, think 0 s"}`.
    public var settings: [String: String]
    /// The whole run; for a step load, all steps merged.
    public var statistics: LoadStatistics
    public var steps: [StepRow]
    public var thresholds: [ThresholdResult]
    /// The lab's scorers on the answered replies; `nil` when none ran.
    public var quality: QualityResults?
    /// The message log's file name (JSON Lines, one message a line), beside `load.json`.
    public var messageLog: String?
    /// Set by a shard of a split test, for `chatlab merge`.
    public var shard: LoadShard?

    public init(settings: [String: String], statistics: LoadStatistics, steps: [StepRow] = [],
                thresholds: [ThresholdResult] = [], quality: QualityResults? = nil, messageLog: String? = nil,
                shard: LoadShard? = nil) {
        self.settings = settings
        self.statistics = statistics
        self.steps = steps
        self.thresholds = thresholds
        self.quality = quality
        self.messageLog = messageLog
        self.shard = shard
    }

    /// Reads a `load.json`.
    public static func read(_ path: String) throws -> LoadResults {
        try JSONDecoder().decode(LoadResults.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Writes the results as pretty, key-sorted JSON to a temporary name and renames it into place.
    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(self), to: path)
    }
}
