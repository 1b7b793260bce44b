import LabCore

/// Runs one batch of a matrix: each provider's answers in the seeded order, `concurrency` at once and at most `rate`
/// per second, until all are answered or the budget is spent. Each answer is handed to `store` as soon as it is
/// measured (the history commits it there), so a batch killed midway loses at most the answers in flight.
public struct BatchRunner: Sendable {
    public let matrix: BatchMatrix
    public let services: BatchServices

    public init(matrix: BatchMatrix, services: BatchServices) {
        self.matrix = matrix
        self.services = services
    }

    /// How a batch run ended.
    public struct Outcome: Sendable, Hashable {
        /// Answers recorded by this run (successful or not).
        public var recorded = 0
        public var failed = 0
        /// Answers the budget left unasked.
        public var unasked = 0
        public var stoppedByBudget = false
    }

    /// Asks every planned answer not in `done`.
    /// - Parameters:
    ///   - done: the answers the history already holds for this batch (a resumed batch asks only the rest).
    ///   - store: called once per answer, one at a time; an error it throws stops the batch and is rethrown.
    /// - Throws: ``BatchError`` for a provider that cannot be asked (bad URL, missing key), or `store`'s error.
    ///   - shard: this machine's part of a split batch: the planned answers at positions K-1, K-1+N, ... of the
    ///     seeded order (`nil`: all of them).
    public func run(batch: String, slot: Int? = nil, done: [AnswerRecord] = [], shard: ShardSpec? = nil,
                    store: @escaping @Sendable (AnswerRecord) async throws -> Void) async throws -> Outcome {
        let doneKeys = Set(done.map { AnswerKey(provider: $0.provider, model: $0.model, question: $0.question) })
        let pending = BatchPlan(matrix, slot: slot).items.filter {
            !doneKeys.contains($0.key) && (shard?.contains($0.position + 1) ?? true)
        }
        let meter = SpendMeter(budget: matrix.budget, spent: done)
        let sink = RecordSink(store: store)
        let askers = try Dictionary(uniqueKeysWithValues: matrix.providers.map {
            ($0.name, try AnswerAsker(provider: $0, request: matrix.request, services: services))
        })
        try await withThrowingTaskGroup(of: Void.self) { group in
            for provider in matrix.providers {
                let queue = WorkQueue(pending.filter { $0.provider == provider.name })
                let limiter = provider.rate.map { RateLimiter(perSecond: $0) }
                let asker = askers[provider.name]!
                for _ in 0..<provider.concurrency {
                    group.addTask {
                        while let item = await queue.next() {
                            guard await meter.reserve() else { return }
                            await limiter?.acquire()
                            let seed = SeededRandom.derive(matrix.seed, StableHash.fnv1a(batch), UInt64(item.position))
                            let record = await asker.ask(item, batch: batch, seed: seed)
                            await meter.add(record)
                            try await sink.put(record)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        var outcome = Outcome()
        outcome.recorded = await sink.count
        outcome.failed = await sink.failed
        outcome.stoppedByBudget = await meter.exhausted
        outcome.unasked = pending.count - outcome.recorded
        return outcome
    }
}

/// Hands out a provider's items one at a time to its workers.
private actor WorkQueue {
    private var items: [BatchPlan.Item]
    private var index = 0

    init(_ items: [BatchPlan.Item]) { self.items = items }

    func next() -> BatchPlan.Item? {
        guard index < items.count else { return nil }
        defer { index += 1 }
        return items[index]
    }
}

/// Stores records one at a time and counts them.
private actor RecordSink {
    let store: @Sendable (AnswerRecord) async throws -> Void
    private(set) var count = 0
    private(set) var failed = 0

    init(store: @escaping @Sendable (AnswerRecord) async throws -> Void) { self.store = store }

    func put(_ record: AnswerRecord) async throws {
        try await store(record)
        count += 1
        if !record.success { failed += 1 }
    }
}
