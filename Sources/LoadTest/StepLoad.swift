import LabCore

/// A step load test: the same plan run with more and more virtual users (e.g. 10, 20, ... 100), with a pause
/// between steps (the seed tool waited 60 s so the target's quotas could reset); one ``StepRow`` per step.
public struct StepLoad: Sendable {
    public var driver: LoadDriver
    /// Users per step, in order.
    public var steps: [Int]
    /// Seconds to wait between steps.
    public var pause: Double
    /// Messages each user sends per step (the seed tool's `queue_size`); `nil` keeps the plan's stop for every step.
    public var messagesPerUser: Int?

    public init(driver: LoadDriver, steps: [Int], pause: Double, messagesPerUser: Int? = nil) {
        self.driver = driver
        self.steps = steps
        self.pause = pause
        self.messagesPerUser = messagesPerUser
    }

    /// Runs every step; `progress` gets the step's users with each message's counts.
    ///
    /// - Returns: one row per step, and the whole test as one run (its tally merged from the steps'): each step's
    ///   messages numbered on from the previous step's and timed from the first step's start (pauses left out).
    public func run(progress: (@Sendable (Int, LoadProgress) -> Void)? = nil) async -> (rows: [StepRow], all: LoadRun) {
        var rows: [StepRow] = []
        var all = LoadRun(users: steps.max() ?? 0, messages: [], seconds: 0,
                          maxReplyCharacters: driver.output.maxReplyCharacters)
        for (number, users) in steps.enumerated() {
            if number > 0, pause > 0 { try? await Task.sleep(for: .seconds(pause)) }
            var step = driver
            step.plan.users = users
            if let messagesPerUser { step.plan.stop = .messages(users * messagesPerUser) }
            step.name = "\(driver.name)-step-\(number + 1)"
            step.offset = (all.tally.sent, all.seconds)
            var report: (@Sendable (LoadProgress) -> Void)?
            if let progress { report = { counts in progress(users, counts) } }
            let run = await step.run(progress: report)
            rows.append(StepRow(users: users, statistics: LoadStatistics(run: run)))
            all.tally.merge(run.tally)
            all.messages += run.messages
            all.seconds += run.seconds
        }
        return (rows, all)
    }

    /// Reads `FIRST..LAST/STEP` (e.g. `10..100/10`) or a single number of users.
    public static func parseSteps(_ text: String) throws -> [Int] {
        let bad = LoadError("--steps \(text)", "is not FIRST..LAST/STEP", fix: "Write e.g. --steps 10..100/10 (users from 10 to 100 by 10).")
        if let single = Int(text), single > 0 { return [single] }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let step = Int(parts[1]), step > 0 else { throw bad }
        let bounds = parts[0].components(separatedBy: "..")
        guard bounds.count == 2, let first = Int(bounds[0]), let last = Int(bounds[1]), first > 0, last >= first else {
            throw bad
        }
        let steps = Array(stride(from: first, through: last, by: step))
        guard steps.count <= 1000, last <= 100_000 else {
            throw LoadError("--steps \(text)", "asks for \(steps.count) steps up to \(last) users", fix: "Use at most 1000 steps and 100000 users.")
        }
        return steps
    }
}

/// One step of a step load test: its users and what it measured.
public struct StepRow: Sendable, Codable, Hashable {
    public var users: Int
    public var statistics: LoadStatistics

    /// Errors other than server error texts and throttling (the seed tool's "unexpected" errors: no answer at all,
    /// a malformed one, HTTP errors).
    public var otherErrorRate: Double {
        statistics.errorRate - statistics.errorRate(ErrorClass.serverError) - statistics.errorRate(ErrorClass.throttled)
    }
}
