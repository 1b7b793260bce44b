import Foundation
import LabCore
import LoadTest
import Scoring
import Testing
import TestSupport

/// The running tally (exact merges, the length check), the message log and the scorers run under load.
@Suite struct LoadTallyTests {
    static func messages() -> [LoadMessage] {
        (0..<500).map { index in
            var message = LoadStatisticsTests.message(
                index, latency: Double(index % 97 + 1) / 1000, got: index % 7 == 0 ? "b" : "a",
                error: index % 31 == 0 ? "timeout" : nil)
            message.intended = Double(index) * 0.01
            message.replyCharacters = index % 50 == 0 ? 2000 : 40
            return message
        }
    }

    @Test func mergedTalliesEqualOneTallyOfEveryMessage() {
        let all = Self.messages()
        var whole = LoadTally(maxReplyCharacters: 1000)
        for message in all { whole.add(message) }
        // Three parts in an odd split, merged in another order than they were made.
        var parts = [LoadTally](repeating: LoadTally(maxReplyCharacters: 1000), count: 3)
        for message in all { parts[message.index % 3 == 0 ? 0 : (message.index < 250 ? 1 : 2)].add(message) }
        var merged = parts[2]
        merged.merge(parts[0])
        merged.merge(parts[1])
        let expected = whole.statistics(users: 4, seconds: 5)
        let actual = merged.statistics(users: 4, seconds: 5)
        #expect(actual == expected)
        #expect(actual.sent == 500 && actual.answered == 500 - 17)
        // Lengths: every 50th reply has 2000 characters (10 of them), one of those (index 0) is a timeout.
        #expect(actual.lengthChecks == LoadStatistics.Tally(passed: 474, total: 483))
        #expect(actual.failures.contains { $0.reason == "reply of 2000 characters, over 1000" })
    }

    @Test func theMessageLogHoldsEveryMessageAndReportsAWriteError() throws {
        let folder = try TemporaryDirectory()
        let log = try MessageLog(path: folder.path("messages.jsonl"))
        var written = Array(Self.messages().prefix(50))
        // Texts and values a log line must carry exactly: quotes, escapes, control characters, non-ASCII, nils.
        written[1].detail = "say \"hi\"\\ \n\t\u{1}\u{1F}é中😀 </script>"
        written[2].firstToken = 0.000123
        written[3].expectedIntent = nil
        written[4].latency = 1e-7
        for message in written { log.append(message) }
        try log.close()
        #expect(try MessageLog.read(folder.path("messages.jsonl")) == written)
        // Each line is what JSONEncoder with sorted keys would decode to the same message.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let lines = try String(contentsOfFile: folder.path("messages.jsonl"), encoding: .utf8).split(separator: "\n")
        for (line, message) in zip(lines, written) {
            let reference = try JSONDecoder().decode(LoadMessage.self, from: try encoder.encode(message))
            #expect(try JSONDecoder().decode(LoadMessage.self, from: Data(line.utf8)) == reference)
        }
        // A folder that does not exist: the log cannot be made, and says so.
        #expect(throws: LoadError.self) { try MessageLog(path: folder.path("missing/messages.jsonl")) }
        // A full disk: /dev/full refuses every write; the run goes on, and closing reports the error.
        let full = try MessageLog(path: "/dev/full")
        full.append(Self.messages()[0])
        #expect(throws: LoadError.self) { try full.close() }
    }

    @Test func scorersJudgeEveryAnsweredReplyPerNumberOfUsers() async throws {
        let monitor = QualityMonitor(scorers: [StutterScorer(threshold: 0.5)])
        let question = LoadPrompt(text: "When do you open?", answer: "from 9 to 17")
        monitor.submit(QualityItem(message: 0, users: 1, prompt: question, reply: "We are open from 9 to 17, Monday to Friday."))
        monitor.submit(QualityItem(message: 1, users: 1, prompt: question, reply: "Sorry, I did not understand."))
        monitor.submit(QualityItem(message: 2, users: 5, prompt: LoadPrompt(text: "Hello"),
                                   reply: "hello hello hello hello hello hello hello hello"))
        let results = await monitor.finish()
        let answer = try #require(results.overall.first { $0.code == "answer" })
        #expect(answer.tally == Tally(passes: 1, total: 2))
        let stutter = try #require(results.overall.first { $0.code == StutterScorer.check.code })
        #expect(stutter.tally == Tally(passes: 2, total: 3))
        #expect(results.byUsers.map(\.users) == [1, 5])
        #expect(results.byUsers[1].measures.map(\.code) == [StutterScorer.check.code])
        #expect(results.byUsers[1].measures[0].tally == Tally(passes: 0, total: 1))
        #expect(results.notScored == 0)
    }

    @Test func repliesBeyondTheQueueAreCountedAsNotScored() async {
        // No worker can keep up with a queue of zero: every reply is turned away, and counted.
        let monitor = QualityMonitor(scorers: [StutterScorer(threshold: 0.5)], maxQueued: 0)
        for index in 0..<3 { monitor.submit(QualityItem(message: index, users: 1, prompt: LoadPrompt(text: "x"), reply: "y")) }
        let results = await monitor.finish()
        #expect(results.notScored == 3 && results.overall.isEmpty)
    }
}
