/// What a run measured: latency per expected intent and overall (answered messages only), error counts by class,
/// intent accuracy over answered replies that carried an expected intent, the failed responses, and throughput.
public struct LoadStatistics: Sendable, Codable, Hashable {
    public var users: Int
    public var sent: Int
    public var answered: Int
    /// Messages per error class (see ``ErrorClass``); they add up to `sent - answered`.
    public var errors: [String: Int]
    public var seconds: Double
    /// `sent / seconds`, the seed tool's only throughput figure.
    public var requestsPerSecond: Double
    public var latency: LatencySummary
    /// Time to the first streamed token, over the answered messages that were streamed; `nil` when none were.
    public var firstToken: LatencySummary?
    /// Keyed by the expected intent ("" for prompts without one).
    public var latencyByIntent: [String: LatencySummary]
    /// Correct intents / ``accuracyDenominator``; `nil` when no answered reply had an expected intent.
    public var intentAccuracy: Double?
    /// Answered replies whose prompt had an expected intent.
    public var accuracyDenominator: Int
    /// Expected intent → count of answered replies that gave another intent.
    public var misclassified: [String: Int]
    /// Predicted intent → count of answered replies ("" for none).
    public var predictedIntents: [String: Int]
    /// Reference-count check (the seed tool's `ref_recall_count`): passes / replies with an expected count.
    public var referenceChecks: Tally
    /// Length check (the seed tool's `length_check`): answered replies no longer than the limit / answered replies;
    /// `nil` when no limit was set.
    public var lengthChecks: Tally?
    /// Answered messages finishing in each whole second of the run, from the run's start.
    public var answeredPerSecond: [Int]
    /// The p95 latency (ms) of the answered messages finishing in each second (0 for a second without any).
    public var p95PerSecond: [Double]
    public var failures: [FailedResponse]

    /// The share of sent messages that ended in an error (0 when none were sent).
    public var errorRate: Double { sent == 0 ? 0 : Double(sent - answered) / Double(sent) }

    /// The share of sent messages of one error class.
    public func errorRate(_ errorClass: String) -> Double { sent == 0 ? 0 : Double(errors[errorClass] ?? 0) / Double(sent) }

    /// A count and its denominator.
    public struct Tally: Sendable, Codable, Hashable {
        public var passed = 0
        public var total = 0

        public init(passed: Int = 0, total: Int = 0) {
            self.passed = passed
            self.total = total
        }
    }

    /// One message that failed or was misclassified, and why.
    public struct FailedResponse: Sendable, Codable, Hashable {
        public var index: Int
        public var prompt: Int
        public var reason: String
        public var detail: String
    }

    /// At most this many failed responses are listed (all are counted).
    public static let maxListedFailures = 1000

    /// The statistics of a finished run (see ``LoadTally/statistics(users:seconds:)``).
    public init(run: LoadRun) {
        self = run.tally.statistics(users: run.users, seconds: run.seconds)
    }

    public init(
        users: Int, sent: Int, answered: Int, errors: [String: Int], seconds: Double, requestsPerSecond: Double,
        latency: LatencySummary, firstToken: LatencySummary?, latencyByIntent: [String: LatencySummary],
        intentAccuracy: Double?, accuracyDenominator: Int, misclassified: [String: Int],
        predictedIntents: [String: Int], referenceChecks: Tally, lengthChecks: Tally?, answeredPerSecond: [Int],
        p95PerSecond: [Double], failures: [FailedResponse]
    ) {
        self.users = users
        self.sent = sent
        self.answered = answered
        self.errors = errors
        self.seconds = seconds
        self.requestsPerSecond = requestsPerSecond
        self.latency = latency
        self.firstToken = firstToken
        self.latencyByIntent = latencyByIntent
        self.intentAccuracy = intentAccuracy
        self.accuracyDenominator = accuracyDenominator
        self.misclassified = misclassified
        self.predictedIntents = predictedIntents
        self.referenceChecks = referenceChecks
        self.lengthChecks = lengthChecks
        self.answeredPerSecond = answeredPerSecond
        self.p95PerSecond = p95PerSecond
        self.failures = failures
    }

    /// The seed tool's rule: none expected and none given, one and one, or more than one and at least one.
    static func referencesMatch(expected: Int, got: Int) -> Bool {
        switch expected {
        case 0: return got == 0
        case 1: return got == 1
        default: return got >= 1
        }
    }
}
