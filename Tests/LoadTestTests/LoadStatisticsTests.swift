import LoadTest
import Testing

@Suite struct LoadStatisticsTests {
    static func message(_ index: Int, latency: Double, intent: String? = "a", got: String? = "a", error: String? = nil)
        -> LoadMessage
    {
        LoadMessage(index: index, user: 0, prompt: index, expectedIntent: intent, expectedReferences: nil,
                    intended: Double(index) * 0.1, sent: Double(index) * 0.1, latency: latency, replyBytes: 10,
                    intent: error == nil ? got : nil, references: nil, error: error, detail: "")
    }

    @Test func percentilesComeFromTheHistogram() {
        // 1000 latencies of 1, 2, ... 1000 ms.
        let messages = (0..<1000).map { Self.message($0, latency: Double($0 + 1) / 1000) }
        let latency = LoadStatistics(run: LoadRun(users: 1, messages: messages, seconds: 10)).latency
        #expect(latency.count == 1000)
        #expect(latency.min == 1 && latency.max == 1000)
        // Within the histogram's 3 significant digits.
        #expect(abs(latency.median - 500) <= 0.5)
        #expect(abs(latency.p90 - 900) <= 1 && abs(latency.p95 - 950) <= 1 && abs(latency.p99 - 990) <= 1)
        #expect(abs(latency.p999 - 999) <= 1)
        #expect(abs(latency.mean - 500.5) <= 0.5)
    }

    @Test func errorsAndAccuracyKeepTheirDenominators() {
        let messages = [
            Self.message(0, latency: 0.01), Self.message(1, latency: 0.01, got: "b"),
            Self.message(2, latency: 0.01, intent: nil), Self.message(3, latency: 5, error: "timeout"),
            Self.message(4, latency: 0.01, error: "throttled"),
        ]
        let statistics = LoadStatistics(run: LoadRun(users: 1, messages: messages, seconds: 2))
        #expect(statistics.sent == 5 && statistics.answered == 3)
        #expect(statistics.errors == ["timeout": 1, "throttled": 1])
        #expect(statistics.errorRate == 0.4 && statistics.errorRate("throttled") == 0.2)
        #expect(statistics.intentAccuracy == 0.5 && statistics.accuracyDenominator == 2)
        #expect(statistics.requestsPerSecond == 2.5)
        #expect(statistics.latency.count == 3)
        #expect(statistics.failures.map(\.reason) == ["intent b instead of a", "timeout", "throttled"])
    }

    @Test func thresholdsReadAndCheck() throws {
        let messages = (0..<100).map { Self.message($0, latency: 0.5, got: $0 < 95 ? "a" : "b") }
            + [Self.message(100, latency: 1, error: "connection")]
        let statistics = LoadStatistics(run: LoadRun(users: 1, messages: messages, seconds: 1))
        func passes(_ text: String) throws -> Bool { try LoadThreshold(text).check(statistics).passed }
        #expect(try passes("p95 < 800ms"))
        #expect(try !passes("p95 < 0.4s"))
        #expect(try passes("p99<=500"))
        #expect(try passes("error_rate < 1%"))
        #expect(try !passes("error_rate < 0.5%"))
        #expect(try passes("error_rate:connection <= 0.01"))
        #expect(try passes("intent_accuracy > 0.9"))
        #expect(try !passes("intent_accuracy >= 0.96"))
        #expect(try LoadThreshold("p95 < 1s").check(statistics).actual == 500)
        #expect(throws: LoadError.self) { try LoadThreshold("latency < 5") }
        #expect(throws: LoadError.self) { try LoadThreshold("p95 < 5%") }
        #expect(throws: LoadError.self) { try LoadThreshold("p95 800") }
        let empty = LoadStatistics(run: LoadRun(users: 1, messages: [], seconds: 1))
        #expect(try LoadThreshold("intent_accuracy > 0.9").check(empty) == ThresholdResult(
            threshold: "intent_accuracy > 0.9", actual: nil, passed: false, unit: ""))
    }

    @Test func stepsAndErrorPatterns() throws {
        #expect(try StepLoad.parseSteps("10..100/10") == [10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
        #expect(try StepLoad.parseSteps("5") == [5])
        #expect(throws: LoadError.self) { try StepLoad.parseSteps("10..5/1") }
        #expect(throws: LoadError.self) { try StepLoad.parseSteps("1..5/0") }
        let patterns = ErrorPatterns()
        #expect(patterns.classify(reply: "Une erreur est survenue, réessayez") == "server_error")
        #expect(patterns.classify(reply: "Nous rencontrons un trafic intense") == "throttled")
        #expect(patterns.classify(reply: "We are open from 9") == nil)
        #expect(ErrorPatterns(serverError: ["oops"], throttled: []).classify(reply: "OOPS!") == "server_error")
        #expect(ErrorClass.of(failureKind: "http_429") == "throttled")
        #expect(ErrorClass.of(failureKind: "http_503") == "http_503")
    }
}
