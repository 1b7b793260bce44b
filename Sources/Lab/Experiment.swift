import LabCore
import Rules

/// A validated experiment: who talks, for how long, what is scored and where reports go.
///
/// Made by ``ExperimentLoader`` from a YAML file; every field has a documented default.
public struct Experiment: Sendable {
    /// What the chatters do when one of them fails on a turn.
    public enum OnError: String, Sendable, CaseIterable {
        /// Mark the turn as failed and go on with the next turn.
        case `continue`
        /// Mark the turn and end this run's conversation.
        case endConversation = "end_conversation"
    }

    public var name: String
    public var seed: UInt64
    public var runs: Int
    public var rounds: Int
    public var firstSpeaker: Seat
    public var underTest: [Seat]
    public var onError: OnError
    /// How many conversations run at once.
    public var concurrency: Int
    /// The most chatter requests per second over all conversations; `nil` for no limit.
    public var rateLimit: Double?
    public var chatters: [Seat: ConfiguredChatter]
    /// Probes to inject; `nil` when the config has no `probes:` section.
    public var probes: ProbeConfig?
    public var scorers: [any Scorer]
    public var report: ReportSettings
    /// The configuration text exactly as given, and its path.
    public var configText: String
    public var configPath: String
    /// The execution id the config pins (`session_id`), used in place of a random one; `nil` for a fresh id on
    /// every execution.
    public var sessionID: String? = nil
    /// After this many failed turns in a row of one chatter, its conversation ends (`max_consecutive_errors`);
    /// 0 never ends it.
    public var maxConsecutiveErrors: Int = 5
    /// What each check must reach for the experiment to pass as a CI gate (config `thresholds:`); empty for none.
    public var thresholds: [Threshold] = []
    /// Correctness rules checked on every conversation after the runs (config `rules:`); empty for none.
    public var rules: [Rule] = []

    /// The codes the experiment scores, each once, in scorer order: the codes `thresholds:` and `--fail-on` may name.
    public var scoredCodes: [String] {
        var codes: [String] = []
        for code in scorers.map(\.code) where !codes.contains(code) { codes.append(code) }
        return codes
    }

    public func chatter(_ seat: Seat) -> ConfiguredChatter { chatters[seat]! }

    /// Whether a person types for one of the chatters.
    public var hasHuman: Bool { chatters.values.contains { $0.kind == "human" } }

    /// The seat the probes test: the one under test, or chatter 2 when both are.
    public var probeTarget: Seat { underTest.count == 1 ? underTest[0] : .chatter2 }

    /// The seed of one run, derived from the experiment's seed.
    public func runSeed(_ run: Int) -> UInt64 { SeededRandom.derive(seed, UInt64(run)) }
}

/// Where reports go and which columns they show.
public struct ReportSettings: Sendable, Hashable {
    /// The folder that receives one report folder per experiment run.
    public var out: String
    public var columns: ColumnOptions

    public init(out: String = "reports", columns: ColumnOptions = ColumnOptions()) {
        self.out = out
        self.columns = columns
    }
}
