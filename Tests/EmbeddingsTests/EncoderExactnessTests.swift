@testable import Embeddings
import Foundation
import Testing

@Test func vectorsMatchSentenceTransformersWithin1e5() throws {
    let encoder = MiniLMEncoder(model: try InstalledModel.model(), caching: false)
    let entries = Reference.shared.texts
    let encodings = encoder.encodeDetailed(entries.map(\.text))
    var worst: Float = 0
    for (entry, encoding) in zip(entries, encodings) {
        #expect(encoding.vector.count == 384)
        let difference = Reference.maxDifference(encoding.vector, entry.vector)
        worst = max(worst, difference)
        #expect(difference <= 1e-5, "\(entry.text.debugDescription): max abs difference \(difference)")
        let norm = encoding.vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(norm - 1) < 1e-5)
    }
    print("MiniLM exactness: max abs difference \(worst) over \(entries.count) texts")
}

@Test func batchGivesTheSameVectorsAsOneByOne() throws {
    let encoder = MiniLMEncoder(model: try InstalledModel.model(), caching: false)
    let texts = Reference.shared.texts.prefix(20).map(\.text)
    let together = try encoder.encode(texts)
    for (text, vector) in zip(texts, together) {
        let alone = try encoder.encode([text])[0]
        #expect(Reference.maxDifference(alone, vector) <= 1e-6, "\(text.debugDescription)")
    }
}

@Test func batchesSplitByTokenBudgetGiveTheSameVectors() throws {
    var encoder = MiniLMEncoder(model: try InstalledModel.model(), caching: false)
    let texts = Reference.shared.texts.map(\.text)
    let whole = try encoder.encode(texts)
    encoder.maxTokensPerBatch = 40
    let split = try encoder.encode(texts)
    for (a, b) in zip(whole, split) { #expect(Reference.maxDifference(a, b) <= 1e-6) }
}

@Test func threadCountDoesNotChangeTheVectors() throws {
    var encoder = MiniLMEncoder(model: try InstalledModel.model(), caching: false)
    let texts = Reference.shared.texts.prefix(10).map(\.text)
    encoder.threads = 1
    let one = try encoder.encode(texts)
    encoder.threads = 2
    let two = try encoder.encode(texts)
    for (a, b) in zip(one, two) { #expect(Reference.maxDifference(a, b) <= 1e-6) }
}

/// Every way of running a batch gives the reference vectors: one pass or small passes shared by 1, 2 or 3 threads
/// (products split by output panels, attention by text and head, the rest by rows), and passes spread over 2 or 3
/// threads. The plans are built here, not chosen by measured cost, so every one runs whatever this machine measures.
@Test func everyPassPlanGivesTheReferenceVectors() throws {
    let model = try InstalledModel.model()
    let entries = Reference.shared.texts
    let sequences = entries.map { model.tokenizer.tokenize($0.text).ids }
    let lengths = sequences.map(\.count)
    var plans: [(String, PassPlan)] = []
    for threads in [1, 2, 3] {
        for (name, limit) in [("one pass", 100_000), ("small passes", 64), ("each alone", 1)] {
            plans.append(("shared on \(threads), \(name)", PassPlan(
                mode: .shared, passes: PassPlan.chunks(lengths, maxTokens: limit), threads: threads, estimate: 0,
                runnerUp: nil)))
        }
    }
    for threads in [2, 3] {
        for count in [threads, 8, sequences.count] {
            plans.append(("spread on \(threads), \(count) passes", PassPlan(
                mode: .spread, passes: PassPlan.even(lengths, count: count), threads: threads, estimate: 0,
                runnerUp: nil)))
        }
    }
    for (name, plan) in plans {
        let vectors = model.encoder.embed(sequences, plan: plan)
        for (index, entry) in entries.enumerated() {
            let difference = Reference.maxDifference(vectors[index], entry.vector)
            #expect(difference <= 1e-5, "\(name): \(entry.text.debugDescription) \(difference)")
        }
    }
    // And the plans the encoder chooses itself.
    for threads in [1, 2] {
        let vectors = model.embed(tokenized: sequences, threads: threads)
        for (vector, entry) in zip(vectors, entries) { #expect(Reference.maxDifference(vector, entry.vector) <= 1e-5) }
    }
}

/// Every build of the matrix product this CPU runs (the baseline, AVX2, AVX-512) gives the reference vectors, on one
/// thread and on two.
@Test func everyProductBuildGivesTheReferenceVectors() throws {
    let folder = try InstalledModel.model().folder
    let entries = Reference.shared.texts
    for build in GEMMBuild.allCases where build.isSupported {
        let model = try MiniLMModel(folder: folder, build: build)
        let sequences = entries.map { model.tokenizer.tokenize($0.text).ids }
        for threads in [1, 2] {
            let vectors = model.embed(tokenized: sequences, threads: threads)
            let worst = zip(vectors, entries).map { Reference.maxDifference($0, $1.vector) }.max()!
            #expect(worst <= 1e-5, "\(build.name), \(threads) threads: \(worst)")
        }
    }
}

/// Two encoders at once (each with its own lock) do not disturb each other's vectors.
@Test func concurrentEncodersKeepTheThreadCountAndTheVectors() throws {
    let model = try InstalledModel.model()
    let entries = Array(Reference.shared.texts.prefix(24))
    let results = Locked<[Int: [[Float]]]>([:])
    DispatchQueue.concurrentPerform(iterations: 4) { worker in
        let encoder = MiniLMEncoder(model: model, caching: false)
        let vectors = (try? encoder.encode(entries.map(\.text))) ?? []
        results.withLock { $0[worker] = vectors }
    }
    for worker in 0..<4 {
        let vectors = results.withLock { $0[worker] } ?? []
        #expect(vectors.count == entries.count)
        for (vector, entry) in zip(vectors, entries) {
            #expect(Reference.maxDifference(vector, entry.vector) <= 1e-5, "\(worker): \(entry.text.debugDescription)")
        }
    }
}

@Test func longTextsAreTruncatedTo256TokensAndSaySo() throws {
    let encoder = MiniLMEncoder(model: try InstalledModel.model(), caching: false)
    let long = Reference.shared.texts.first { $0.fullTokenCount > 256 }!
    let encoding = encoder.encodeDetailed([long.text, "short text"])
    #expect(encoder.maxTokens == 256)
    #expect(encoding[0].tokenCount == 256)
    #expect(encoding[0].fullTokenCount == long.fullTokenCount)
    #expect(encoding[0].wasTruncated)
    #expect(!encoding[1].wasTruncated)
    #expect(encoding[1].tokenCount == 4)
    let doubled = encoder.encodeDetailed([long.text + " " + long.text])[0]
    #expect(Reference.maxDifference(doubled.vector, encoding[0].vector) <= 1e-6)
}

@Test func similarTextsAreCloserThanUnrelatedOnes() throws {
    let encoder = MiniLMEncoder(model: try InstalledModel.model())
    let close = try encoder.similarity("My dog is called Pepper.", "My dog's name is Pepper.")
    let far = try encoder.similarity("My dog is called Pepper.", "The stock market fell sharply today.")
    #expect(close > 0.8)
    #expect(far < 0.3)
    #expect(encoder.dimension == 384)
}

/// The measured pass costs the planner compares: for 1, 2 and 3 threads, one positive, finite time per measured
/// size, shared on every count and spread on every count above one; and a measured plan runs the reference vectors.
@Test func measuredCostsCoverEveryThreadCountModeAndSize() throws {
    let model = try InstalledModel.model()
    let costs = model.encoder.measureCosts(threads: 3)
    #expect(costs.rows == PassCosts.measuredRows)
    #expect(Set(costs.shared.keys) == [1, 2, 3])
    #expect(Set(costs.spread.keys) == [2, 3])
    for series in Array(costs.shared.values) + Array(costs.spread.values) {
        #expect(series.count == PassCosts.measuredRows.count)
        #expect(series.allSatisfy { $0 > 0 && $0.isFinite })
    }
    let entries = Array(Reference.shared.texts.prefix(12))
    let sequences = entries.map { model.tokenizer.tokenize($0.text).ids }
    let plan = PassPlan(
        lengths: sequences.map(\.count), threads: 3, maxTokensPerPass: 64, costs: costs,
        layers: model.config.layerCount)
    #expect(plan.estimate > 0)
    let vectors = model.encoder.embed(sequences, plan: plan)
    for (index, entry) in entries.enumerated() {
        #expect(Reference.maxDifference(vectors[index], entry.vector) <= 1e-5, "\(plan.summary)")
    }
    // The batch ran with an estimate: what it took corrects later estimates of its kind.
    #expect(model.encoder.correction.factor(plan.mode, threads: plan.threads) != 1)
}
