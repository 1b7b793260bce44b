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

    public init(run: LoadRun) {
        users = run.users
        seconds = run.seconds
        sent = run.messages.count
        requestsPerSecond = run.seconds > 0 ? Double(sent) / run.seconds : 0
        var overall = LatencyHistogram(), firstTokens = LatencyHistogram()
        var byIntent: [String: LatencyHistogram] = [:]
        var errors: [String: Int] = [:], misclassified: [String: Int] = [:], predicted: [String: Int] = [:]
        var correct = 0, denominator = 0, answered = 0
        var references = Tally()
        var perSecond: [Int] = []
        var histograms: [LatencyHistogram] = []
        var failures: [FailedResponse] = []
        func fail(_ message: LoadMessage, _ reason: String) {
            guard failures.count < Self.maxListedFailures else { return }
            failures.append(FailedResponse(index: message.index, prompt: message.prompt, reason: reason, detail: message.detail))
        }
        for message in run.messages {
            guard message.isAnswered else {
                errors[message.error!, default: 0] += 1
                fail(message, message.error!)
                continue
            }
            answered += 1
            overall.record(seconds: message.latency)
            if let firstToken = message.firstToken { firstTokens.record(seconds: firstToken) }
            byIntent[message.expectedIntent ?? "", default: LatencyHistogram()].record(seconds: message.latency)
            predicted[message.intent ?? "", default: 0] += 1
            let second = max(0, Int(message.intended + message.latency))
            if second < 86_400 {
                if perSecond.count <= second {
                    perSecond += Array(repeating: 0, count: second - perSecond.count + 1)
                    histograms += Array(repeating: LatencyHistogram(), count: second - histograms.count + 1)
                }
                perSecond[second] += 1
                histograms[second].record(seconds: message.latency)
            }
            if let expected = message.expectedIntent {
                denominator += 1
                if message.intent == expected {
                    correct += 1
                } else {
                    misclassified[expected, default: 0] += 1
                    fail(message, "intent \(message.intent ?? "(none)") instead of \(expected)")
                }
            }
            if let expected = message.expectedReferences {
                references.total += 1
                if Self.referencesMatch(expected: expected, got: message.references ?? 0) { references.passed += 1 }
            }
        }
        self.answered = answered
        self.errors = errors
        latency = overall.summary
        firstToken = firstTokens.count > 0 ? firstTokens.summary : nil
        latencyByIntent = byIntent.mapValues(\.summary)
        intentAccuracy = denominator > 0 ? Double(correct) / Double(denominator) : nil
        accuracyDenominator = denominator
        self.misclassified = misclassified
        predictedIntents = predicted
        referenceChecks = references
        answeredPerSecond = perSecond
        p95PerSecond = histograms.map(\.summary.p95)
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
