/// The running totals of a load test, fed one message at a time as it finishes, so a run of any length keeps only
/// histograms and counts in memory (the messages themselves go to the message log).
///
/// Tallies merge exactly (counts add, HDR histograms merge bucket by bucket): a step load's whole-run tally is the
/// merge of its steps', and the shards of one test (`chatlab load --shard`, written into their `load.json`) merge
/// into the tally of all their messages.
public struct LoadTally: Sendable, Codable, Equatable {
    public private(set) var sent = 0
    public private(set) var answered = 0
    private var overall = LatencyHistogram()
    private var firstTokens = LatencyHistogram()
    private var byIntent: [String: LatencyHistogram] = [:]
    private var errors: [String: Int] = [:]
    private var misclassified: [String: Int] = [:]
    private var predicted: [String: Int] = [:]
    private var correct = 0
    private var denominator = 0
    private var references = LoadStatistics.Tally()
    private var lengths = LoadStatistics.Tally()
    private var perSecond: [Int] = []
    private var perSecondLatency: [LatencyHistogram] = []
    private var failures: [LoadStatistics.FailedResponse] = []
    /// The longest reply, in characters, that passes the length check; `nil` runs no length check.
    public let maxReplyCharacters: Int?

    /// The last second of a run that gets its own bucket (one day); later messages count in the totals only.
    static let lastBucket = 86_400

    public init(maxReplyCharacters: Int? = nil) {
        self.maxReplyCharacters = maxReplyCharacters
    }

    public mutating func add(_ message: LoadMessage) {
        sent += 1
        if let errorClass = message.error {
            errors[errorClass, default: 0] += 1
            fail(message, errorClass)
            return
        }
        answered += 1
        overall.record(seconds: message.latency)
        if let firstToken = message.firstToken { firstTokens.record(seconds: firstToken) }
        byIntent[message.expectedIntent ?? "", default: LatencyHistogram()].record(seconds: message.latency)
        predicted[message.intent ?? "", default: 0] += 1
        let second = max(0, Int(message.intended + message.latency))
        if second <= Self.lastBucket {
            if perSecond.count <= second {
                perSecond += Array(repeating: 0, count: second - perSecond.count + 1)
                perSecondLatency += Array(repeating: LatencyHistogram(), count: second - perSecondLatency.count + 1)
            }
            perSecond[second] += 1
            perSecondLatency[second].record(seconds: message.latency)
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
            if LoadStatistics.referencesMatch(expected: expected, got: message.references ?? 0) { references.passed += 1 }
        }
        if let limit = maxReplyCharacters {
            lengths.total += 1
            if message.replyCharacters <= limit {
                lengths.passed += 1
            } else {
                fail(message, "reply of \(message.replyCharacters) characters, over \(limit)")
            }
        }
    }

    /// Adds every count and histogram of another tally (of the same test: its per-second buckets share the clock).
    public mutating func merge(_ other: LoadTally) {
        sent += other.sent
        answered += other.answered
        overall.merge(other.overall)
        firstTokens.merge(other.firstTokens)
        for (intent, histogram) in other.byIntent { byIntent[intent, default: LatencyHistogram()].merge(histogram) }
        errors.merge(other.errors, uniquingKeysWith: +)
        misclassified.merge(other.misclassified, uniquingKeysWith: +)
        predicted.merge(other.predicted, uniquingKeysWith: +)
        correct += other.correct
        denominator += other.denominator
        references.passed += other.references.passed
        references.total += other.references.total
        lengths.passed += other.lengths.passed
        lengths.total += other.lengths.total
        if perSecond.count < other.perSecond.count {
            perSecond += Array(repeating: 0, count: other.perSecond.count - perSecond.count)
            perSecondLatency += Array(repeating: LatencyHistogram(), count: other.perSecondLatency.count - perSecondLatency.count)
        }
        for (second, count) in other.perSecond.enumerated() {
            perSecond[second] += count
            perSecondLatency[second].merge(other.perSecondLatency[second])
        }
        failures = Array((failures + other.failures).sorted { ($0.index, $0.reason) < ($1.index, $1.reason) }
            .prefix(LoadStatistics.maxListedFailures))
    }

    /// The statistics of the messages added so far, for a run of `users` virtual users that took `seconds`.
    public func statistics(users: Int, seconds: Double) -> LoadStatistics {
        LoadStatistics(
            users: users, sent: sent, answered: answered, errors: errors, seconds: seconds,
            requestsPerSecond: seconds > 0 ? Double(sent) / seconds : 0, latency: overall.summary,
            firstToken: firstTokens.count > 0 ? firstTokens.summary : nil,
            latencyByIntent: byIntent.mapValues(\.summary),
            intentAccuracy: denominator > 0 ? Double(correct) / Double(denominator) : nil,
            accuracyDenominator: denominator, misclassified: misclassified, predictedIntents: predicted,
            referenceChecks: references, lengthChecks: maxReplyCharacters == nil ? nil : lengths,
            answeredPerSecond: perSecond, p95PerSecond: perSecondLatency.map(\.summary.p95),
            failures: failures.sorted { ($0.index, $0.reason) < ($1.index, $1.reason) })
    }

    /// Lists a failure; past ``LoadStatistics/maxListedFailures`` only those of the lowest message numbers are
    /// kept, so the list does not depend on the order messages finished in (or on how a test was split).
    private mutating func fail(_ message: LoadMessage, _ reason: String) {
        let failure = LoadStatistics.FailedResponse(
            index: message.index, prompt: message.prompt, reason: reason, detail: message.detail)
        guard failures.count >= LoadStatistics.maxListedFailures else {
            failures.append(failure)
            return
        }
        guard let highest = failures.indices.max(by: { failures[$0].index < failures[$1].index }),
              failure.index < failures[highest].index else { return }
        failures[highest] = failure
    }
}
