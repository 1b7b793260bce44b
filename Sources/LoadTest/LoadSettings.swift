import Foundation
import LabCore

/// Everything a load test is told: the same keys as `chatlab load`'s options, read from a `load:` config file or
/// given as options (an option overrides the file). The defaults are the command's.
public struct LoadSettings: Sendable {
    /// Prompt files (`.jsonl` or text), resolved against the config file's folder.
    public var prompts: [String] = []
    /// The chatter file of the bot under test.
    public var bot: String?
    public var connections = 10
    /// Open loop: messages per second; `nil` runs a closed loop.
    public var rate: Double?
    public var think = 0.0
    public var messages: Int?
    public var duration: Double?
    public var connection = LoadPlan.Connections.perPrompt
    /// Step load: users per step.
    public var steps: [Int]?
    /// As written (`10..100/10`), for the settings table.
    public var stepsText: String?
    public var pause = 60.0
    public var perUser: Int?
    public var maxSamples: Int?
    public var seed: UInt64 = 1
    public var fields = PromptFields()
    public var replyFields = ReplyFields()
    public var patterns = ErrorPatterns()
    public var thresholds: [LoadThreshold] = []
    public var out = "reports/load"
    public var zip = false
    /// The length check's limit in characters (`nil`: no check).
    public var maxLength: Int?
    /// The lab's scorers to run on every answered reply (made from a `scorers:` mapping or `--score` options).
    public var scorers: [any Scorer] = []

    public init() {}

    public var arrival: LoadPlan.Arrival { rate.map { .open(rate: $0) } ?? .closed(think: think) }

    /// The plan of one run (a step load changes its users per step).
    public func plan(promptCount: Int) -> LoadPlan {
        let stop: LoadPlan.Stop = duration.map { .duration($0) } ?? .messages(messages ?? promptCount)
        return LoadPlan(users: connections, arrival: arrival, stop: stop, connections: connection, seed: seed)
    }

    /// Checks the values a YAML reader or an option can get wrong; the message names the key.
    public func validate() throws {
        func bad(_ key: String, _ problem: String, _ fix: String) -> LoadError { LoadError(key, problem, fix: fix) }
        guard !prompts.isEmpty else { throw bad("prompts", "no prompt file given", "Name one or more .jsonl or text files.") }
        guard bot != nil else { throw bad("bot", "no bot given", "Name the chatter file of the bot under test (--bot or bot:).") }
        guard (1...100_000).contains(connections) else { throw bad("connections", "must be 1 to 100000", "Write e.g. 20.") }
        guard (0...3600).contains(think) else { throw bad("think", "must be 0 to 3600 seconds", "Write e.g. 0.5.") }
        guard messages.map({ $0 > 0 }) ?? true else { throw bad("messages", "must be at least 1", "Write e.g. 1000.") }
        guard duration.map({ $0 > 0 && $0 <= 86_400 }) ?? true else {
            throw bad("duration", "must be 0 to 86400 seconds", "Write e.g. 60.")
        }
        guard messages == nil || duration == nil else {
            throw bad("messages", "and duration are both given", "Give a message count or a duration, not both.")
        }
        guard (0...3600).contains(pause) else { throw bad("pause", "must be 0 to 3600 seconds", "Write e.g. 60.") }
        guard maxSamples.map({ $0 > 0 }) ?? true else { throw bad("max_samples", "must be at least 1", "Write e.g. 100.") }
        guard perUser.map({ $0 > 0 }) ?? true else { throw bad("per_user", "must be at least 1", "Write e.g. 10.") }
        guard maxLength.map({ $0 > 0 }) ?? true else { throw bad("max_length", "must be at least 1", "Write e.g. 1000.") }
    }

    /// Reads `200` or `200/s`; `name` is how the value was given, for the message.
    public static func parseRate(_ text: String, name: String = "rate") throws -> Double {
        let number = text.hasSuffix("/s") ? String(text.dropLast(2)) : text
        guard let value = Double(number.trimmingCharacters(in: .whitespaces)), value > 0, value <= 1_000_000 else {
            throw LoadError("\(name) \(text)", "is not a rate", fix: "Write e.g. \(name) 200/s (messages per second, at most 1000000).")
        }
        return value
    }
}
