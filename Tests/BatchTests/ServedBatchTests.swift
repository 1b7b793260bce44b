import Batch
import Foundation
import LabCore
import Testing
import TestSupport

/// Batches against the built-in server's OpenAI endpoint (`chatlab serve --bot echo --model ...`): the echo bot
/// answers each question with its own text, and each served model has a known pace. Timings are checked for
/// correctness with generous bounds, never as speed assertions.
@Suite(.serialized) struct ServedBatchTests {
    static let ttft = 0.3
    static let rate = 40.0

    static func server() throws -> ServerProcess {
        try ServerProcess.chatlabServe(bot: "echo", extra: ["--model", "paced:\(ttft):\(rate)", "--model", "quick"])
    }

    static let questionTexts = [
        "What does the acronym SKU stand for in retail?",
        "Why do bond prices fall when interest rates rise?",
        "What is click and collect for a shop?",
        "How does inflation affect cash kept in a current account?",
        "What is a dividend paid to shareholders from profit?",
    ]

    static func matrix(port: Int, models: [String], stream: Bool = true, questions: Int = 3,
                       budget: BatchBudget = BatchBudget()) -> BatchMatrix {
        var request = BatchMatrix.RequestSettings()
        request.stream = stream
        request.retries = 0
        request.timeout = 20
        let list = questionTexts.prefix(questions).enumerated().map {
            Question(id: "q\($0.offset)", text: $0.element, industry: $0.offset % 2 == 0 ? "retail" : "finance",
                     reference: $0.element, keywords: ["profit", "rates"], expected: nil)
        }
        return BatchMatrix(
            name: "served", seed: 3,
            providers: [BatchMatrix.Provider(
                name: "local", baseURL: "http://127.0.0.1:\(port)/v1",
                models: models.map { BatchMatrix.Model(name: $0, price: TokenPrice(input: 1, output: 2)) },
                concurrency: 3)],
            questions: list, request: request, budget: budget)
    }

    static let services = BatchServices(encoder: HashingEncoder(), environment: [:])

    static func words(_ text: String) -> Int { text.split(separator: " ").count }

    @Test func streamedAnswersMeasureTimeToFirstTokenAndTokensPerSecond() async throws {
        let server = try Self.server()
        let folder = try TemporaryDirectory()
        let store = try HistoryStore(path: folder.path("h.sqlite"))
        let session = BatchSession(matrix: Self.matrix(port: server.port, models: ["paced"]), store: store,
                                   services: Self.services)
        let report = try await session.run(id: "s1")
        #expect(report.status == .complete && report.outcome.recorded == 3 && report.outcome.failed == 0)
        let answers = try await store.answers()
        #expect(answers.count == 3)
        for answer in answers {
            let question = Self.questionTexts[Int(answer.question.dropFirst())!]
            #expect(answer.success)
            #expect(answer.answer == question)
            #expect(answer.completionTokens == Self.words(question))
            let ttft = try #require(answer.ttft)
            #expect(ttft >= Self.ttft * 0.95 && ttft < Self.ttft + 5, "ttft \(ttft)")
            let rate = try #require(answer.tokensPerSecond)
            // Completion tokens over the time from the first token to the end, by definition. Its value is near the
            // served rate on a quiet machine, but not asserted: a test process whose other suites keep every thread
            // busy reads the chunks late and together, which shortens the measured generation time. The server's
            // pace is checked through the latency, which waiting can only lengthen.
            let generation = try #require(answer.latency) - ttft
            #expect(generation > 0 && abs(rate - Double(answer.completionTokens ?? 0) / generation) < 1e-6)
            #expect(try #require(answer.latency) >= Self.ttft + Double(Self.words(question)) / Self.rate * 0.95)
            // Cost from the price table: 1 per million prompt tokens, 2 per million completion tokens.
            let expected = Double(answer.promptTokens ?? 0) / 1e6 + 2 * Double(answer.completionTokens ?? 0) / 1e6
            #expect(abs((answer.cost ?? -1) - expected) < 1e-12)
            #expect(answer.meaningCoverage.map { abs($0 - 1) < 1e-5 } == true, "the echo restates the reference")
        }
        #expect(answers.first { $0.question == "q1" }?.keywordCoverage == 0.5)
    }

    @Test func plainAnswersHaveNoTimeToFirstTokenButTheWholeWait() async throws {
        let server = try Self.server()
        let folder = try TemporaryDirectory()
        let store = try HistoryStore(path: folder.path("h.sqlite"))
        let matrix = Self.matrix(port: server.port, models: ["paced"], stream: false, questions: 2)
        _ = try await BatchSession(matrix: matrix, store: store, services: Self.services).run(id: "p1")
        for answer in try await store.answers() {
            #expect(answer.success && answer.ttft == nil)
            let question = Self.questionTexts[Int(answer.question.dropFirst())!]
            #expect(try #require(answer.latency) >= Self.ttft + Double(Self.words(question)) / Self.rate * 0.95)
            #expect(answer.tokensPerSecond != nil)
        }
    }

    @Test func failuresAreCountedAndEveryAnswerHasARow() async throws {
        let server = try Self.server()
        let folder = try TemporaryDirectory()
        let store = try HistoryStore(path: folder.path("h.sqlite"))
        let matrix = Self.matrix(port: server.port, models: ["quick", "missing"], questions: 4)
        let report = try await BatchSession(matrix: matrix, store: store, services: Self.services).run(id: "f1")
        #expect(report.outcome.recorded == 8 && report.outcome.failed == 4)
        let answers = try await store.answers()
        #expect(answers.count == matrix.answersPerBatch)
        #expect(Set(answers.map { "\($0.model)/\($0.question)" }).count == 8)
        let failed = answers.filter { !$0.success }
        #expect(failed.map(\.model) == Array(repeating: "missing", count: 4))
        #expect(failed.allSatisfy { $0.errorClass == "http_4xx" && $0.errorMessage?.contains("does not exist") == true })
    }

    @Test func theBudgetStopsTheBatch() async throws {
        let server = try Self.server()
        let folder = try TemporaryDirectory()
        let store = try HistoryStore(path: folder.path("h.sqlite"))
        let matrix = Self.matrix(port: server.port, models: ["quick"], questions: 5, budget: BatchBudget(maxCalls: 2))
        let report = try await BatchSession(matrix: matrix, store: store, services: Self.services).run(id: "b1")
        #expect(report.status == .budget && report.outcome.stoppedByBudget)
        #expect(report.outcome.recorded == 2 && report.outcome.unasked == 3)
        #expect(try await store.answers().count == 2)
        #expect(try await store.batches().first?.status == .budget)
    }

    @Test func aResumedBatchAsksOnlyWhatIsMissing() async throws {
        let server = try Self.server()
        let folder = try TemporaryDirectory()
        let store = try HistoryStore(path: folder.path("h.sqlite"))
        let matrix = Self.matrix(port: server.port, models: ["quick"], questions: 5)
        let plan = BatchPlan(matrix).items
        _ = try await store.begin(BatchRow(id: "r1", matrix: "served", slot: nil, planned: 5, startedAt: 1))
        var kept = AnswerRecord(batch: "r1", item: plan[0], startedAt: 1)
        kept.success = true
        kept.answer = "kept from the first run"
        try await store.store(kept)
        let report = try await BatchSession(matrix: matrix, store: store, services: Self.services).run(id: "r1")
        #expect(report.resumed == 1 && report.outcome.recorded == 4)
        let answers = try await store.answers()
        #expect(answers.count == 5)
        #expect(answers.first { $0.question == plan[0].question.id }?.answer == "kept from the first run")
    }
}

/// A provider whose key variable is not set stops the batch before anything is sent, naming the variable.
@Test func aMissingKeyVariableIsNamed() async throws {
    let folder = try TemporaryDirectory()
    var matrix = ServedBatchTests.matrix(port: 1, models: ["quick"], questions: 1)
    matrix.providers[0].keyVariable = "CHATLAB_TEST_UNSET_KEY"
    let session = BatchSession(matrix: matrix, store: try HistoryStore(path: folder.path("h.sqlite")),
                               services: BatchServices(environment: [:]))
    await #expect(throws: BatchError.missingKey(provider: "local", variable: "CHATLAB_TEST_UNSET_KEY")) {
        try await session.run(id: "k1")
    }
}

/// The lab's answer judge gives its verdict on questions with an expected answer (the echo's reply is the question).
@Test func theAnswerJudgeJudgesExpectedAnswers() async throws {
    let server = try ServedBatchTests.server()
    let folder = try TemporaryDirectory()
    var matrix = ServedBatchTests.matrix(port: server.port, models: ["quick"], questions: 1)
    matrix.questions = [
        Question(id: "right", text: "Christmas is the season that brings toy shops their largest sales.", industry: "retail",
                 expected: "Christmas"),
        Question(id: "wrong", text: "Easter is the season that brings toy shops their largest sales.", industry: "retail",
                 expected: "Christmas"),
        Question(id: "none", text: "Which season brings toy shops their largest sales?", industry: "retail"),
    ]
    let store = try HistoryStore(path: folder.path("h.sqlite"))
    _ = try await BatchSession(matrix: matrix, store: store, services: BatchServices(environment: [:])).run(id: "j1")
    _ = server
    let verdicts = Dictionary(uniqueKeysWithValues: try await store.answers().map { ($0.question, $0.verdict ?? "-") })
    #expect(verdicts == ["right": "pass", "wrong": "fail", "none": "-"])
}

/// A provider's rate spaces its requests, and concurrency 1 asks one answer at a time (lower bounds only: a slow
/// machine can only widen the gaps).
@Test func rateAndConcurrencyBoundTheRequests() async throws {
    let server = try ServedBatchTests.server()
    let folder = try TemporaryDirectory()
    var matrix = ServedBatchTests.matrix(port: server.port, models: ["quick"], questions: 5)
    matrix.providers[0].rate = 5
    matrix.providers[0].concurrency = 3
    let store = try HistoryStore(path: folder.path("h.sqlite"))
    _ = try await BatchSession(matrix: matrix, store: store, services: BatchServices(environment: [:])).run(id: "r")
    let starts = try await store.answers().map(\.startedAt).sorted()
    #expect(starts.count == 5)
    // The fifth request's slot is 4 × 0.2 s after the batch began (a late wake-up can only delay a request).
    let began = try #require(try await store.batches().first { $0.id == "r" }?.startedAt)
    #expect(try #require(starts.last) - began >= 0.8 - 0.01)

    matrix.providers[0].rate = nil
    matrix.providers[0].concurrency = 1
    matrix.providers[0].models = [BatchMatrix.Model(name: "paced")]
    _ = try await BatchSession(matrix: matrix, store: store, services: BatchServices(environment: [:])).run(id: "c")
    let answers = try await store.answers().filter { $0.batch == "c" }.sorted { $0.startedAt < $1.startedAt }
    #expect(answers.count == 5)
    for (earlier, later) in zip(answers, answers.dropFirst()) {
        #expect(later.startedAt >= earlier.startedAt + (earlier.latency ?? 0) - 0.01, "answers overlapped")
    }
    _ = server
}
