import BotServer
import Chatters
import Foundation
import LabCore
import LoadTest
import Testing
import TestSupport

/// Load tests split over machines: shards send disjoint messages that together make the whole test, their tallies
/// travel through `load.json` without loss, and the merge gives the statistics of all the messages together.
@Suite struct LoadShardTests {
    @Test func aTallyWrittenAndReadBackIsTheSame() throws {
        var tally = LoadTally(maxReplyCharacters: 1000)
        for message in LoadTallyTests.messages() { tally.add(message) }
        let data = try JSONEncoder().encode(tally)
        let back = try JSONDecoder().decode(LoadTally.self, from: data)
        #expect(back == tally)
        #expect(back.statistics(users: 3, seconds: 4) == tally.statistics(users: 3, seconds: 4))
        // Sparse: a few kilobytes, not the histograms' tens of thousands of buckets.
        #expect(data.count < 60_000, "\(data.count) bytes")
        // A single latency comes back as itself.
        var one = LoadTally()
        one.add(LoadStatisticsTests.message(0, latency: 0.123456))
        let single = try JSONDecoder().decode(LoadTally.self, from: JSONEncoder().encode(one))
        #expect(single.statistics(users: 1, seconds: 1).latency == one.statistics(users: 1, seconds: 1).latency)
    }

    @Test func threeShardsMergeIntoTheTallyOfAllTheirMessages() async throws {
        let folder = try TemporaryDirectory()
        let bot = IntentBot(errorRate: 0.2)
        let server = try await BotServer.bind(host: "127.0.0.1", port: 0, chatter: bot, model: "intents")
        let task = Task { try await server.run() }
        defer { task.cancel() }
        var folders: [String] = []
        var all: [LoadMessage] = []
        for index in 1...3 {
            let spec = try ShardSpec(index: index, count: 3)
            var plan = LoadPlan(users: LoadPlan.users(5, in: spec), stop: .messages(50), shard: spec)
            plan.totalUsers = 5
            let out = folder.path("shard-\(index)")
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let log = try MessageLog(path: "\(out)/messages.jsonl")
            let run = await LoadDriver(
                chatter: UnderLoad.apply(try LoadFixtures.websocketBot(port: server.port)), prompts: LoadFixtures.prompts(7),
                plan: plan, output: LoadOutput(log: log)).run()
            try log.close()
            all += run.messages
            let results = LoadResults(
                settings: ["users": "5"], statistics: LoadStatistics(run: run), thresholds: [], messageLog: "messages.jsonl",
                shard: LoadShard(index: index, count: 3, digest: "same", users: plan.users, tally: run.tally))
            try results.write(to: "\(out)/load.json")
            folders.append(out)
        }
        await server.close()
        // The shards sent messages 0..<50 once each, every one with its prompt in the whole test.
        #expect(all.map(\.index).sorted() == Array(0..<50))
        #expect(all.allSatisfy { $0.prompt == $0.index % 7 })
        #expect(Set(all.map(\.user)).count == 5)

        let merged = try LoadShardMerge.merge(folders: folders.reversed(), out: folder.path("merged"))
        var whole = LoadTally()
        for message in try MessageLog.read(folder.path("merged/messages.jsonl")) { whole.add(message) }
        #expect(whole.sent == 50)
        #expect(merged.statistics == whole.statistics(users: 5, seconds: merged.statistics.seconds))
        #expect(merged.statistics.sent == merged.statistics.answered + merged.statistics.errors.values.reduce(0, +))
        #expect(FileManager.default.fileExists(atPath: folder.path("merged/load.xlsx")))

        // Refusals name the folder: a missing shard, a shard given twice, a shard of another test.
        #expect(throws: LoadError("merge", "shard(s) 2/3 missing", fix: "Give the folders of all 3 shards.")) {
            try LoadShardMerge.merge(folders: [folders[0], folders[2]], out: folder.path("m2"))
        }
        #expect(throws: LoadError.self) { try LoadShardMerge.merge(folders: [folders[0], folders[0]], out: folder.path("m3")) }
        var foreign = try LoadResults.read("\(folders[1])/load.json")
        foreign.shard?.digest = "other"
        try foreign.write(to: "\(folders[1])/load.json")
        do {
            _ = try LoadShardMerge.merge(folders: folders, out: folder.path("m4"))
            Issue.record("a shard of another test was merged")
        } catch let error as LoadError {
            #expect(error.location == folders[1] && error.problem.contains("another load test"))
        }
    }
}
