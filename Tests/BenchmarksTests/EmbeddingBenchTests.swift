import Benchmarks
import Embeddings
import Foundation
import TestSupport
import Testing

/// `chatlab bench embeddings` as a library: its texts, its PyTorch worker protocol, its table and its goals.
@Suite(.serialized) struct EmbeddingBenchTests {
    private let standIn = Python.repositoryRoot.appendingPathComponent("Tests/Fixtures/torch_worker_standin.py").path

    private func texts(_ folder: TemporaryDirectory) throws -> BenchTexts {
        let path = folder.path("texts.json")
        let object = [
            "short": ["The cat sat on the mat.", "Is it raining in Paris today?"],
            "long": [String](repeating: "The committee met on Tuesday to discuss the budget, the new library, the "
                + "roads around the old market and the plans for the summer festival in the park.", count: 2),
        ]
        try JSONEncoder().encode(object).write(to: URL(fileURLWithPath: path))
        return try BenchTexts(path: path, tokenizer: try MiniLMModel.installed().tokenizer)
    }

    @Test func textsComeFromJSONOrFromLinesSplitByLength() throws {
        let folder = try TemporaryDirectory()
        let json = try texts(folder)
        #expect(json.sets.map(\.name) == ["short", "long"])
        #expect(json.set(named: "short")!.tokens.allSatisfy { $0 < 20 })
        #expect(json.set(named: "long")!.meanTokens > 32)

        let lines = folder.path("texts.txt")
        let long = json.set(named: "long")!.texts[0]
        try "Hello there.\n\n\(long)\nWhat time is it?\n".write(toFile: lines, atomically: true, encoding: .utf8)
        let plain = try BenchTexts(path: lines, tokenizer: try MiniLMModel.installed().tokenizer)
        #expect(plain.set(named: "short")!.texts == ["Hello there.", "What time is it?"])
        #expect(plain.set(named: "long")!.texts == [long])
    }

    @Test func badTextFilesNameTheFileAndTheProblem() throws {
        let folder = try TemporaryDirectory()
        let tokenizer = try MiniLMModel.installed().tokenizer
        let onlyShort = folder.path("short.txt")
        try "one\ntwo\n".write(toFile: onlyShort, atomically: true, encoding: .utf8)
        #expect {
            try BenchTexts(path: onlyShort, tokenizer: tokenizer)
        } throws: { "\($0)".contains(onlyShort) && "\($0)".contains("no long texts") }
        let badJSON = folder.path("bad.json")
        try #"{"short": ["a"]}"#.write(toFile: badJSON, atomically: true, encoding: .utf8)
        #expect {
            try BenchTexts(path: badJSON, tokenizer: tokenizer)
        } throws: { "\($0)".contains(badJSON) && "\($0)".contains(#"no texts under "long""#) }
        #expect {
            try BenchTexts(path: folder.path("missing.json"), tokenizer: tokenizer)
        } throws: { "\($0)".contains("missing.json: cannot read the file") }
    }

    @Test func cellsAlternateWithTheWorkerAndTheTableComparesThem() throws {
        let folder = try TemporaryDirectory()
        var benchmark = EmbeddingBenchmark(texts: try texts(folder))
        benchmark.threads = [1]
        benchmark.batches = [1, 64]
        benchmark.seconds = 0.05
        benchmark.rounds = 2
        benchmark.settle = 0
        let worker = try PyTorchWorker(python: "/usr/bin/env python3", script: standIn)
        var steps: [String] = []
        let report = try benchmark.run(model: try MiniLMModel.installed(), pyTorch: worker) { steps.append($0) }

        #expect(steps.first?.contains("loading the model into PyTorch") == true)
        #expect(report.rows.count == 4)
        #expect(report.pyTorchVersions == "stand-in 1.0")
        // The stand-in counts whitespace words, not WordPiece tokens: the report says the counts differ.
        #expect((report.tokenMismatches ?? 0) > 0)
        #expect(report.peaks[1]?.torch == 50)
        // Every cell carries the peak sampled alongside it, never above the run's highest.
        #expect(report.rows.allSatisfy { $0.peak > 0 && $0.peak <= report.peaks[1]!.openBLAS })
        for row in report.rows {
            let theirs = try #require(row.pyTorch)
            // 10 texts per second per thread, as the stand-in says, whatever the batch.
            #expect(abs(theirs.textsPerSecond - 10) < 1e-9)
            #expect(row.chatLab.texts >= row.cell.batch)
            #expect(abs(row.ratio! - row.chatLab.textsPerSecond / 10) < 1e-9)
        }
        let text = report.text()
        #expect(text.contains("chatlab/pytorch"))
        #expect(text.contains("stand-in 1.0"))
        #expect(text.contains("warning:"))
        // Ours is far faster than 10 texts/s: both comparisons are met; the share of the peak depends on the machine.
        let goals = report.goals
        #expect(goals.map(\.name) == [
            "ahead of PyTorch in every cell", "at least 1.30× PyTorch at batch 1",
            "at least 75.0 % of the peak sgemm rate at batch 64",
        ])
        #expect(goals[0].met && goals[1].met)
        #expect(text.contains("goals (issue 5):"))
    }

    @Test func aWorkerThatDiesIsNamedWithItsLastWords() throws {
        let folder = try TemporaryDirectory()
        var benchmark = EmbeddingBenchmark(texts: try texts(folder))
        benchmark.threads = [1]
        benchmark.batches = [1]
        benchmark.seconds = 0.05
        benchmark.rounds = 1
        benchmark.settle = 0
        let worker = try PyTorchWorker(python: "/usr/bin/env python3", script: standIn, arguments: ["--die-after", "1"])
        #expect {
            try benchmark.run(model: try MiniLMModel.installed(), pyTorch: worker) { _ in }
        } throws: { error in
            let message = "\(error)"
            return message.contains("it ended without a reply") && message.contains("out of memory (on purpose)")
                && message.contains("--no-python")
        }
    }

    @Test func goalsAreJudgedOnTheWorstCell() throws {
        let folder = try TemporaryDirectory()
        let texts = try texts(folder)
        let config = try MiniLMModel.installed().config
        let set = texts.set(named: "short")!
        func rate(_ perSecond: Double) -> BenchRate {
            BenchRate(encoded: Int(perSecond), of: set, batch: 1, seconds: 1, config: config)
        }
        var report = EmbeddingBenchReport(texts: texts, rounds: 1, seconds: 1)
        report.peaks[1] = .init(openBLAS: 100, torch: 120)
        let fast = rate(130)
        // The cell's share divides by the peak sampled alongside it: 75 % exactly for the batch-64 cell.
        report.rows = [
            .init(cell: BenchCell(threads: 1, set: "short", batch: 1), meanTokens: set.meanTokens,
                  chatLab: fast, pyTorch: rate(100), peak: 90),
            .init(cell: BenchCell(threads: 1, set: "short", batch: 64), meanTokens: set.meanTokens,
                  chatLab: rate(90), pyTorch: rate(100), peak: rate(90).gflops / 0.75),
        ]
        let goals = report.goals
        #expect(!goals[0].met)
        #expect(goals[0].closest == "1 thread, short, batch 64: 0.90×")
        #expect(goals[1].met)
        #expect(goals[1].closest == "1 thread, short, batch 1: 1.30×")
        let row = report.rows[1]
        #expect(abs(report.share(row, row.chatLab) - 0.75) < 1e-12)
        #expect(goals[2].met)
        // The run's highest peak is the higher of the two libraries' (120), shown next to it.
        let strict = report.runShare(row, row.chatLab)
        #expect(abs(strict - row.chatLab.gflops / 120) < 1e-12)
        #expect(goals[2].closest.hasPrefix("1 thread, short, batch 64: 75.0 % of the "), "\(goals[2].closest)")
        #expect(goals[2].closest.hasSuffix(String(format: "%.1f %% of the run's highest", 100 * strict)))
        report.rows[1].peak *= 1.01
        #expect(!report.goals[2].met)
        #expect(report.text().contains("MISSED  at least 75.0 %"))
        #expect(report.text().contains("met     at least 1.30× PyTorch at batch 1"))
    }
}
