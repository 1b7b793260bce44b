import Foundation

/// Facts about an experiment that every report records.
public struct ExperimentInfo: Codable, Sendable, Hashable {
    public var name: String
    public var seed: UInt64
    public var runs: Int
    public var rounds: Int
    /// One line per chatter, e.g. `chatter1: script "tester"`.
    public var chatters: [String: String]
    /// The seats whose replies are scored.
    public var underTest: [Seat]
    /// The configuration file exactly as given.
    public var configText: String
    /// Where the configuration came from.
    public var configPath: String
    public var toolVersion: String
    public var started: Date
    public var ended: Date?
    /// Runs whose conversation finished, in the order they finished; `chatlab run --resume` skips them.
    public var completedRuns: [Int] = []
    /// Wall-clock seconds each completed run took, keyed by run number as text.
    public var runSeconds: [String: Double] = [:]
    /// The id of this execution, part of every conversation id the chatters see (so `{{session}}` differs from
    /// one execution of a config to the next); the config's `session_id` when it pins one. `chatlab run --resume`
    /// reuses it. `nil` in folders of older versions, whose conversation ids had no execution part.
    public var execution: String?

    public init(
        name: String, seed: UInt64, runs: Int, rounds: Int, chatters: [String: String], underTest: [Seat],
        configText: String, configPath: String, toolVersion: String, started: Date, ended: Date? = nil,
        execution: String? = nil
    ) {
        self.name = name
        self.seed = seed
        self.runs = runs
        self.rounds = rounds
        self.chatters = chatters
        self.underTest = underTest
        self.configText = configText
        self.configPath = configPath
        self.toolVersion = toolVersion
        self.started = started
        self.ended = ended
        self.execution = execution
    }
}
