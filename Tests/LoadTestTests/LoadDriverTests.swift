import BotServer
import Chatters
import Foundation
import LabCore
import LoadTest
import Testing
import TestSupport

/// The load driver against real servers on 127.0.0.1: the built-in server (in process, and `chatlab serve`) and the
/// fault server.
@Suite struct LoadDriverTests {
    /// Serves `bot` in process for the duration of `body`.
    static func serving<T>(_ bot: any Chatter, _ body: (Int) async throws -> T) async throws -> T {
        let server = try await BotServer.bind(host: "127.0.0.1", port: 0, chatter: bot, model: "intents")
        let task = Task { try await server.run() }
        defer { task.cancel() }
        let result = try await body(server.port)
        await server.close()
        return result
    }

    @Test func countsAddUpAndIntentsAreReadFromTheReplyData() async throws {
        // A quarter of the messages (chosen by hash) are answered with the server's error text.
        let bot = IntentBot(errorRate: 0.25)
        let statistics = try await Self.serving(bot) { port in
            let driver = LoadDriver(
                chatter: try LoadFixtures.websocketBot(port: port), prompts: LoadFixtures.prompts(40),
                plan: LoadPlan(users: 8, stop: .messages(60)))
            let run = await driver.run()
            #expect(run.messages.map(\.index) == Array(0..<60))
            #expect(Set(run.messages.map(\.user)).count > 1)
            return LoadStatistics(run: run)
        }
        #expect(statistics.sent == 60)
        #expect(statistics.sent == statistics.answered + statistics.errors.values.reduce(0, +))
        #expect(statistics.errors.keys.sorted() == ["server_error"])
        #expect(statistics.errors["server_error"]! > 0 && statistics.answered > 0)
        // Every answered reply had the right intent: the denominator is the answered replies only.
        #expect(statistics.accuracyDenominator == statistics.answered)
        #expect(statistics.intentAccuracy == 1)
        #expect(statistics.latency.count == statistics.answered)
        #expect(statistics.latencyByIntent.keys.sorted()
            == ["address_change", "greeting", "opening_hours", "passport_renewal", "payment"])
    }

    @Test func misclassifiedIntentsAndReferenceChecksAreCounted() async throws {
        var prompts = LoadFixtures.prompts(5)
        prompts[0].intent = "payment"  // the bot says opening_hours
        prompts[1].referenceCount = 2  // the bot cites 2: passes
        prompts[2].referenceCount = 0  // the bot cites 1: fails
        let statistics = try await Self.serving(IntentBot()) { port in
            LoadStatistics(run: await LoadDriver(
                chatter: try LoadFixtures.httpBot(base: "http://127.0.0.1:\(port)"), prompts: prompts,
                plan: LoadPlan(users: 2, stop: .messages(5))).run())
        }
        #expect(statistics.answered == 5)
        #expect(statistics.intentAccuracy == 0.8)
        #expect(statistics.misclassified == ["payment": 1])
        #expect(statistics.predictedIntents["opening_hours"] == 1)
        #expect(statistics.failures.map(\.reason) == ["intent opening_hours instead of payment"])
        #expect(statistics.referenceChecks == LoadStatistics.Tally(passed: 1, total: 2))
    }

    @Test func aStreamingOpenAIChatterGivesTimeToFirstToken() async throws {
        // The built-in server's OpenAI shape, streamed: the chatter reports `ttft`, kept per message.
        let statistics = try await Self.serving(IntentBot(latency: .milliseconds(20))) { port in
            let chatter = try LoadFixtures.chatter("openai", """
                base_url: http://127.0.0.1:\(port)/v1
                model: intents
                stream: true
                retries: 3
                """)
            let loadChatter = UnderLoad.apply(chatter)
            #expect(UnderLoad.retries(of: loadChatter) == 0)
            let run = await LoadDriver(chatter: loadChatter, prompts: LoadFixtures.prompts(5),
                                       plan: LoadPlan(users: 2, stop: .messages(6))).run()
            #expect(run.messages.allSatisfy { $0.firstToken != nil && $0.firstToken! <= $0.latency })
            return LoadStatistics(run: run)
        }
        #expect(statistics.answered == 6)
        #expect(statistics.firstToken?.count == 6)
        // The OpenAI shape carries text only: no intent comes back, so none is right.
        #expect(statistics.intentAccuracy == 0)
    }

    @Test func retriesAreOffSoEveryFailureCounts() async throws {
        // flaky500 answers 500 to every odd request and 200 to the even ones: with the chatter's 2 retries every
        // message would pass; under load the first of each pair must count as http_500.
        let fault = try ServerProcess.faultServer()
        let chatter = try LoadFixtures.chatter("http", """
            url: \(fault.base)/flaky500/chat
            body: {message: "{{message}}"}
            retries: 2
            backoff: 0.01
            """)
        #expect(UnderLoad.retries(of: chatter) == 2)
        let loadChatter = UnderLoad.apply(chatter)
        #expect(UnderLoad.retries(of: loadChatter) == 0)
        let run = await LoadDriver(chatter: loadChatter, prompts: LoadFixtures.prompts(1),
                                   plan: LoadPlan(users: 1, stop: .messages(4))).run()
        #expect(run.messages.map(\.error) == ["http_500", nil, "http_500", nil])
        // A kept WebSocket that dropped is not silently used for a second send, and replies are timed on the wire.
        let websocket = try #require(UnderLoad.apply(try LoadFixtures.websocketBot(port: 1)) as? WebSocketChatter)
        #expect(!websocket.resendsOnDrop && websocket.measuresWireTime)
        let plain = try #require(try LoadFixtures.websocketBot(port: 1) as? WebSocketChatter)
        #expect(plain.resendsOnDrop && !plain.measuresWireTime)
    }

    @Test func connectionFailuresAreClassified() async throws {
        // A port nothing listens on: bind one, note it, close it.
        let server = try await BotServer.bind(host: "127.0.0.1", port: 0, chatter: IntentBot(), model: "intents")
        let port = server.port
        await server.close()
        let run = await LoadDriver(
            chatter: try LoadFixtures.httpBot(base: "http://127.0.0.1:\(port)"), prompts: LoadFixtures.prompts(3),
            plan: LoadPlan(users: 3, stop: .messages(3))).run()
        let statistics = LoadStatistics(run: run)
        #expect(statistics.errors == ["connection": 3])
        #expect(statistics.answered == 0 && statistics.intentAccuracy == nil && statistics.latency.count == 0)
    }

    @Test func openLoopLatencyIncludesTheWaitForAFreeUser() async throws {
        // One user, a bot that takes 500 ms, messages due every 50 ms: the third message is due at 0.1 s but cannot
        // be sent before the first two are answered (≥ 1 s), and its latency counts from when it was due.
        let messages = try await Self.serving(IntentBot(latency: .milliseconds(500))) { port in
            await LoadDriver(
                chatter: try LoadFixtures.websocketBot(port: port), prompts: LoadFixtures.prompts(3),
                plan: LoadPlan(users: 1, arrival: .open(rate: 20), stop: .messages(3))).run().messages
        }
        #expect(messages.map(\.isAnswered) == [true, true, true])
        #expect(abs(messages[2].intended - 0.1) < 1e-9)
        #expect(messages[2].sent - messages[2].intended >= 0.9)
        #expect(messages[2].latency >= 1.4)
        #expect(messages[2].latency >= messages[2].sent - messages[2].intended + 0.5)
        // Closed loop, the same server: each latency is from its own send, so no queueing shows.
        let closed = try await Self.serving(IntentBot(latency: .milliseconds(500))) { port in
            await LoadDriver(
                chatter: try LoadFixtures.websocketBot(port: port), prompts: LoadFixtures.prompts(3),
                plan: LoadPlan(users: 1, stop: .messages(3))).run().messages
        }
        #expect(closed.allSatisfy { $0.sent == $0.intended })
    }

    @Test func durationStopsTheOpenLoopAtItsSchedule() async throws {
        let messages = try await Self.serving(IntentBot()) { port in
            await LoadDriver(
                chatter: try LoadFixtures.websocketBot(port: port), prompts: LoadFixtures.prompts(5),
                plan: LoadPlan(users: 4, arrival: .open(rate: 40), stop: .duration(0.5))).run().messages
        }
        // Due at 0, 0.025, ... 0.475 s: exactly 20 messages.
        #expect(messages.count == 20)
    }

    @Test func aFixedServerDelayIsMeasuredWithinOneMillisecondOfAReferenceClient() async throws {
        // `chatlab serve` in its own process with a bot that waits 50 ms. One user on a kept WebSocket, and a
        // standard-library Python client doing the same on the same server: the two medians must agree within 1 ms
        // (the server's own time is in both), and neither can be under the delay.
        let folder = try TemporaryDirectory()
        let server = try ServerProcess.chatlabServe(
            chatterFile: try LoadFixtures.botFile(in: folder, "kind: intents\nlatency_ms: 50\n"))
        let driver = LoadDriver(
            chatter: UnderLoad.apply(try LoadFixtures.websocketBot(port: server.port)),
            prompts: LoadFixtures.prompts(10), plan: LoadPlan(users: 1, stop: .messages(40), connections: .perUser))
        _ = await driver.run()  // warms both sides up (connection, first-use costs)
        let statistics = LoadStatistics(run: await driver.run())
        let reference = try ChildProcess.run("/usr/bin/env", [
            "python3", "\(ChatlabProcess.root)/Tests/Fixtures/latency_reference.py", "ws", "127.0.0.1", "\(server.port)",
            "/ws", "40",
        ])
        let referenceMedian = try #require(Double(reference.stdout.trimmingCharacters(in: .whitespacesAndNewlines)),
                                           "\(reference.stdout)\(reference.stderr)")
        #expect(statistics.answered == 40)
        #expect(statistics.latency.min >= 50 && referenceMedian >= 50)
        #expect(abs(statistics.latency.median - referenceMedian) <= 1,
                "chatlab median \(statistics.latency.median) ms, reference \(referenceMedian) ms")
    }

    @Test func stepLoadGivesOneRowPerStep() async throws {
        let (rows, all) = try await Self.serving(IntentBot()) { port in
            let driver = LoadDriver(
                chatter: try LoadFixtures.websocketBot(port: port), prompts: LoadFixtures.prompts(5),
                plan: LoadPlan(users: 1, stop: .messages(1)))
            return await StepLoad(driver: driver, steps: try StepLoad.parseSteps("1..3/1"), pause: 0, messagesPerUser: 2).run()
        }
        #expect(rows.map(\.users) == [1, 2, 3])
        #expect(rows.map(\.statistics.sent) == [2, 4, 6])
        #expect(rows.map(\.statistics.answered) == [2, 4, 6])
        #expect(all.messages.map(\.index) == Array(0..<12))
    }
}
