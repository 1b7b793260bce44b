import Foundation
import Testing
import TestSupport

/// `chatlab batch`, `history` and `schedule` end to end: the built binary against `chatlab serve --bot echo` with
/// paced models, killed with SIGKILL midway and run again.
@Suite(.serialized) struct BatchCommandTests {
    /// A matrix of `questions` questions for the served models, with an optional schedule.
    static func matrix(port: Int, models: [String], questions: Int, schedule: String? = nil,
                       in folder: TemporaryDirectory) throws -> String {
        var yaml = """
            name: cli
            seed: 5
            providers:
              - name: local
                base_url: http://127.0.0.1:\(port)/v1
                concurrency: 1
                models: [\(models.joined(separator: ", "))]
            questions:
              - industry: retail
                questions:

            """
        for index in 0..<questions {
            yaml += "      - {id: q\(index), question: Question number \(index) about stock keeping units and shelves?, "
                + "keywords: [shelves]}\n"
        }
        if let schedule { yaml += "schedule: \(schedule)\n" }
        let path = folder.path("matrix.yaml")
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The history's answers, through `chatlab history --export json`.
    static func answers(_ database: String) throws -> [[String: Any]] {
        let result = try ChatlabProcess.run(["history", database, "--export", "json"])
        guard result.status == 0 else { return [] }
        return (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]) ?? []
    }

    static func key(_ answer: [String: Any]) -> String {
        "\(answer["batch"]!)/\(answer["model"]!)/\(answer["question"]!)"
    }

    @Test func theSeedPlanPrints112SlotsAnd4480AnswersWithoutSending() throws {
        let result = try ChatlabProcess.run(["batch", "config/batch/retail-finance.yaml", "--plan"], environment: [
            "OPENAI_API_KEY": "", "GROQ_API_KEY": "",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("answers per batch: 10 questions × 4 models = 40"))
        #expect(lines.filter { $0.hasPrefix("  slot ") }.count == 112)
        #expect(lines.last == "in all: 112 slots × 40 answers = 4,480 answers")
    }

    @Test func aBatchKilledMidwayIsResumedWithoutLossOrDuplicates() throws {
        let server = try ServerProcess.chatlabServe(bot: "echo", extra: ["--model", "slow:0.2:25"])
        let folder = try TemporaryDirectory()
        let matrix = try Self.matrix(port: server.port, models: ["slow"], questions: 12, in: folder)
        let database = folder.path("history.sqlite")
        let first = try ChatlabProcess.start(["batch", matrix, "--db", database, "--no-meaning"])
        var before: [[String: Any]] = []
        let deadline = Date().addingTimeInterval(60)
        while before.count < 3, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
            before = try Self.answers(database)
        }
        let killed = first.kill()
        #expect(killed.signaled)
        before = try Self.answers(database)
        #expect(before.count >= 3 && before.count < 12, "\(before.count) answers before the kill")

        let second = try ChatlabProcess.run(["batch", matrix, "--db", database, "--no-meaning"])
        _ = server
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("already in the history (resumed)"))
        let after = try Self.answers(database)
        #expect(after.count == 12)
        #expect(Set(after.map(Self.key)).count == 12)
        #expect(Set(after.map { "\($0["batch"]!)" }).count == 1, "the rerun resumed the same batch")
        // The answers committed before the kill are still there, unchanged.
        let kept = Dictionary(uniqueKeysWithValues: after.map { (Self.key($0), "\($0["started_at"]!)") })
        for answer in before { #expect(kept[Self.key(answer)] == "\(answer["started_at"]!)") }
    }

    @Test func theSchedulerRunsEachSlotRefusesASecondSchedulerAndWritesTrends() throws {
        let server = try ServerProcess.chatlabServe(bot: "echo", extra: ["--model", "fast:0:500", "--model", "slow:0.05:200"])
        let folder = try TemporaryDirectory()
        let matrix = try Self.matrix(port: server.port, models: ["fast", "slow", "gone"], questions: 3,
                                     schedule: "{every: 2s, for: 6s}", in: folder)
        let database = folder.path("history.sqlite")
        let started = Date().timeIntervalSince1970
        let scheduler = try ChatlabProcess.start(["schedule", matrix, "--db", database, "--no-meaning"])
        #expect(scheduler.firstLine(matching: "^schedule cli: 3 slots", timeout: 30) != nil)
        let second = try ChatlabProcess.run(["schedule", matrix, "--db", database, "--no-meaning"])
        #expect(second.status == 1)
        #expect(second.stderr.contains("another scheduler (pid \(scheduler.pid)) is running on this database"), "\(second.stderr)")
        let result = try #require(scheduler.wait(timeout: 60))
        _ = server
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("schedule cli: done"))
        let answers = try Self.answers(database)
        #expect(answers.count == 27)
        let batches = Dictionary(grouping: answers) { "\($0["batch"]!)" }
        #expect(batches.keys.sorted() == ["cli#slot-0", "cli#slot-1", "cli#slot-2"])
        // No slot starts before its time (start + slot × 2 s).
        for (batch, rows) in batches {
            let slot = Double(batch.split(separator: "-").last!)!
            let first = rows.compactMap { $0["started_at"] as? Double }.min()!
            #expect(first >= started + slot * 2 - 0.5, "\(batch) started early")
        }
        #expect(answers.filter { $0["model"] as? String == "gone" }.allSatisfy { $0["success"] as? Bool == false })

        let history = try ChatlabProcess.run(["history", database, "--workbook", folder.path("trends.xlsx")])
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.contains("27 answers in 3 batches, 3 models"))
        #expect(history.stdout.contains("last batch cli#slot-2 against the 2 before it:"))
        let book = try XLSXDump.load(folder.path("trends.xlsx"))
        #expect(book.sheetNames == ["Summary", "Latency", "Throughput", "Success", "Coverage", "Batches"])
        #expect(book.sheet(named: "Latency")?.charts.map(\.type) == ["lineChart", "lineChart"])
        #expect(book.sheet(named: "Success")?.charts.map(\.type) == ["lineChart"])
        #expect(book.sheet(named: "Coverage")?.charts.map(\.type) == ["barChart"])
        // LibreOffice opens it: it converts to a PDF.
        let soffice = try #require(LibreOffice.soffice, "soffice is missing: install libreoffice-calc-nogui (scripts/setup.sh)")
        let status = try LibreOffice.convertToPDF(
            [folder.path("trends.xlsx")], soffice: soffice, outdir: folder.path("pdf"), profile: folder.path("profile"))
        #expect(status == 0)
        let head = try FileHandle(forReadingFrom: URL(fileURLWithPath: folder.path("pdf/trends.pdf"))).read(upToCount: 5)
        #expect(head == Data("%PDF-".utf8))
        let csv = try ChatlabProcess.run(["history", database, "--export", "csv", "--model", "fast"])
        #expect(csv.stdout.split(separator: "\r\n").count == 1 + 9)
    }

    @Test func aRestartedSchedulerResumesThePlan() throws {
        let server = try ServerProcess.chatlabServe(bot: "echo", extra: ["--model", "fast"])
        let folder = try TemporaryDirectory()
        let matrix = try Self.matrix(port: server.port, models: ["fast"], questions: 2,
                                     schedule: "{every: 2s, for: 8s}", in: folder)
        let database = folder.path("history.sqlite")
        let first = try ChatlabProcess.start(["schedule", matrix, "--db", database, "--no-meaning"])
        #expect(first.firstLine(matching: "^slot 1: batch", timeout: 30) != nil)
        first.kill()
        let second = try ChatlabProcess.run(["schedule", matrix, "--db", database, "--no-meaning"])
        _ = server
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("resumed at slot 2"))
        #expect(!second.stdout.contains("slot 0:") && !second.stdout.contains("slot 1:"))
        let answers = try Self.answers(database)
        #expect(answers.count == 8)
        #expect(Set(answers.map { "\($0["batch"]!)" }).count == 4)
        // A finished schedule has nothing left to run.
        let third = try ChatlabProcess.run(["schedule", matrix, "--db", database, "--no-meaning", "--once"])
        #expect(third.status == 0 && third.stdout.contains("resumed at slot 4"), "\(third.stdout)")
        #expect(!third.stdout.split(separator: "\n").contains { $0.hasPrefix("slot ") })
    }

    @Test func shardsOfABatchMergeIntoTheHistoryOfTheWholeBatch() throws {
        let server = try ServerProcess.chatlabServe(bot: "echo", extra: ["--model", "a:0.01:2000", "--model", "b:0.01:2000"])
        let folder = try TemporaryDirectory()
        let matrix = try Self.matrix(port: server.port, models: ["a", "b"], questions: 7, in: folder)
        for index in 1...3 {
            let shard = try ChatlabProcess.run([
                "batch", matrix, "--shard", "\(index)/3", "--batch", "b1", "--db", folder.path("s\(index).sqlite"), "--no-meaning",
            ])
            #expect(shard.status == 0, "\(shard.stdout)\(shard.stderr)")
        }
        let single = try ChatlabProcess.run(["batch", matrix, "--batch", "b1", "--db", folder.path("single.sqlite"), "--no-meaning"])
        #expect(single.status == 0, "\(single.stderr)")
        let merged = try ChatlabProcess.run([
            "merge", folder.path("s3.sqlite"), folder.path("s1.sqlite"), folder.path("s2.sqlite"), "--out", folder.path("all.sqlite"),
        ])
        #expect(merged.status == 0, "\(merged.stdout)\(merged.stderr)")
        #expect(merged.stdout.contains("batch b1: 14 answers planned, complete, from 3 shards"))
        // The merged history holds the whole batch's answers once each, as one machine's run does, with the same
        // answers (the echo bot's are deterministic).
        let whole = try Self.answers(folder.path("all.sqlite"))
        let reference = try Self.answers(folder.path("single.sqlite"))
        #expect(whole.count == 14 && Set(whole.map(Self.key)).count == 14)
        func texts(_ answers: [[String: Any]]) -> [String: String] {
            Dictionary(uniqueKeysWithValues: answers.map { (Self.key($0), "\($0["answer"] ?? "")|\($0["success"] ?? "")") })
        }
        #expect(texts(whole) == texts(reference))
        // Each shard asked its own part: 5, 5 and 4 of the 14.
        #expect(try [1, 2, 3].map { try Self.answers(folder.path("s\($0).sqlite")).count } == [5, 5, 4])

        let missing = try ChatlabProcess.run(["merge", folder.path("s1.sqlite"), folder.path("s2.sqlite"), "--out", folder.path("m.sqlite")])
        #expect(missing.status != 0 && missing.stderr.contains("batch b1 lacks part(s) 3/3"))
        let again = try ChatlabProcess.run(["merge", folder.path("s1.sqlite"), folder.path("s1.sqlite"), "--out", folder.path("m2.sqlite")])
        #expect(again.status != 0 && again.stderr.contains("again"))
        let unnamed = try ChatlabProcess.run(["batch", matrix, "--shard", "1/3", "--db", folder.path("x.sqlite")])
        #expect(unnamed.status != 0 && unnamed.stderr.contains("--shard needs --batch"))
        _ = server
    }

    @Test func aBadMatrixNamesTheFileAndLine() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("bad.yaml")
        try "name: x\nproviders:\n  - preset: groq\n    models: [a]\n    concurency: 2\nquestions: []\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try ChatlabProcess.run(["batch", path, "--plan"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path):5:5: error: unknown key 'concurency'"), "\(result.stderr)")
        #expect(result.stderr.contains("Did you mean 'concurrency'?"))
    }
}
