import Benchmarks
import Embeddings
import Foundation
import TestSupport
import Testing

/// `chatlab bench embeddings` as a library: its texts, its reference workers' protocol, its table and its goals.
@Suite(.serialized) struct EmbeddingBenchTests {
    private let standIn = Python.repositoryRoot.appendingPathComponent("Tests/Fixtures/reference_worker_standin.py").path

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

    @Test func cellsTakeTurnsWithTheWorkersAndTheTableComparesThem() throws {
        let folder = try TemporaryDirectory()
        var benchmark = EmbeddingBenchmark(texts: try texts(folder))
        benchmark.threads = [1]
        benchmark.batches = [1, 64]
        benchmark.seconds = 0.05
        benchmark.rounds = 2
        benchmark.settle = 0
        benchmark.vectorsCompared = 2
        let workers = try ReferenceEngine.allCases.map {
            try ReferenceWorker(engine: $0, python: "/usr/bin/env python3", script: standIn)
        }
        var steps: [String] = []
        let model = try MiniLMModel.installed()
        let report = try benchmark.run(model: model, references: workers) { steps.append($0) }

        #expect(steps.prefix(2) == [
            "loading the model into PyTorch (/usr/bin/env python3)",
            "loading the model into ONNX Runtime (/usr/bin/env python3)",
        ])
        #expect(report.rows.count == 4)
        #expect(report.engines == [.torch, .onnx])
        #expect(report.versions == [.torch: "stand-in torch 1.0", .onnx: "stand-in onnx 1.0"])
        // The stand-in counts whitespace words, not WordPiece tokens: the report says the counts differ.
        #expect((report.tokenMismatches[.onnx] ?? 0) > 0)
        #expect(report.peaks[1]?.references == [.torch: 50, .onnx: 60])
        // Every cell carries the OpenBLAS peak sampled alongside it, never above the run's highest.
        #expect(report.rows.allSatisfy { $0.peak > 0 && $0.peak <= report.peaks[1]!.openBLAS })
        // The stand-in's vectors are all the first unit vector: the difference is ChatLab's vectors' from it.
        let encoder = MiniLMEncoder(model: model, caching: false)
        let expected = try report.texts.sets.flatMap { set in
            try encoder.encode(Array(set.texts.prefix(2))).flatMap { vector in
                vector.enumerated().map { Double(abs($1 - ($0 == 0 ? 1 : 0))) }
            }
        }.max()!
        #expect(abs(report.differences[.torch]! - expected) < 1e-6)
        #expect(report.differences[.onnx] == report.differences[.torch])
        for row in report.rows {
            // 10 and 20 texts per second per thread, as the stand-in says, whatever the batch.
            #expect(abs(row.references[.torch]!.textsPerSecond - 10) < 1e-9)
            #expect(abs(row.references[.onnx]!.textsPerSecond - 20) < 1e-9)
            #expect(row.chatLab.texts >= row.cell.batch)
            #expect(abs(row.ratio(.onnx)! - row.chatLab.textsPerSecond / 20) < 1e-9)
            // The plan of the cell's own thread count (the encoder's default is every core).
            var planner = encoder
            planner.threads = row.cell.threads
            #expect(row.plan == planner.planSummary(
                (0..<row.cell.batch).map { report.texts.set(named: row.cell.set)!.texts[(row.cell.batch + $0) % 2] }))
        }
        let text = report.text()
        #expect(text.contains("chatlab/pytorch"))
        #expect(text.contains("chatlab/ort"))
        #expect(text.contains("ONNX Runtime: stand-in onnx 1.0"))
        #expect(text.contains("warning: 4 texts have different token counts in ONNX Runtime"))
        #expect(text.contains("exactness: the largest |ChatLab − engine| over the unit vectors of the first 2 texts"))
        #expect(text.contains("torch.matmul 50.0, ONNX Runtime MatMul 60.0"))
        #expect(text.contains("ChatLab, PyTorch and ONNX Runtime taking turns"))
        #expect(text.contains("  1 thread, short, batch 64: \(report.rows[1].plan)"))
        #expect(text.contains("OpenBLAS: kernel \(OpenBLASInfo.coreName); "))
        // Ours is far faster than 10 or 20 texts/s: the comparisons are met; the share of the peak depends on the
        // machine.
        let goals = report.goals
        #expect(goals.map(\.name) == [
            "at least ONNX Runtime fp32 in every cell", "at least 1.30× PyTorch at batch 1",
            "at least 75.0 % of the machine's best sgemm peak at batch 64", "ahead of PyTorch in every cell",
        ])
        #expect(goals[0].met && goals[1].met && goals[3].met)
        #expect(text.contains("goals (issue 23):"))
    }

    @Test func theOpenBLASKernelIsNamed() {
        #expect(!OpenBLASInfo.coreName.isEmpty && OpenBLASInfo.coreName != "unknown")
        #expect(OpenBLASInfo.config.hasPrefix("OpenBLAS"))
        #expect(OpenBLASInfo.summary.hasPrefix("kernel \(OpenBLASInfo.coreName); OpenBLAS"))
    }

    @Test func aWorkerThatDiesIsNamedWithItsLastWords() throws {
        let folder = try TemporaryDirectory()
        var benchmark = EmbeddingBenchmark(texts: try texts(folder))
        benchmark.threads = [1]
        benchmark.batches = [1]
        benchmark.seconds = 0.05
        benchmark.rounds = 1
        benchmark.settle = 0
        let worker = try ReferenceWorker(
            engine: .onnx, python: "/usr/bin/env python3", script: standIn, arguments: ["--die-after", "1"])
        #expect {
            try benchmark.run(model: try MiniLMModel.installed(), references: [worker]) { _ in }
        } throws: { error in
            let message = "\(error)"
            return message.contains("The ONNX Runtime comparison") && message.contains("it ended without a reply")
                && message.contains("out of memory (on purpose)") && message.contains("--no-python")
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
        report.engines = [.torch, .onnx]
        report.openBLASCore = "Cooperlake"
        let batchOne = BenchCell(threads: 1, set: "short", batch: 1)
        let batch64 = BenchCell(threads: 1, set: "short", batch: 64)
        // ONNX Runtime's MatMul (120) is the run's highest peak; the batch-64 cell's OpenBLAS sample alongside it is
        // set below that first, so the cell's share divides by ONNX Runtime's.
        report.peaks[1] = .init(openBLAS: 100, references: [.torch: 110, .onnx: 120])
        report.rows = [
            .init(cell: batchOne, meanTokens: set.meanTokens, chatLab: rate(130),
                  references: [.torch: rate(100), .onnx: rate(129)], peak: 90, plan: "one pass"),
            .init(cell: batch64, meanTokens: set.meanTokens, chatLab: rate(90),
                  references: [.torch: rate(100), .onnx: rate(91)], peak: 80, plan: "spread"),
        ]
        var goals = report.goals
        #expect(goals.map(\.met) == [false, true, false, false])
        #expect(goals[0].closest == "1 thread, short, batch 64: 0.99×")
        #expect(goals[1].closest == "1 thread, short, batch 1: 1.30×")
        #expect(goals[3].closest == "1 thread, short, batch 64: 0.90×")
        let row = report.rows[1]
        #expect(report.machinePeak(row).gflops == 120)
        #expect(report.machinePeak(row).source == "ONNX Runtime MatMul, the run's highest")
        #expect(abs(report.share(row, row.chatLab) - row.chatLab.gflops / 120) < 1e-12)
        #expect(goals[2].name == "at least 75.0 % of the machine's best sgemm peak at batch 64")
        #expect(goals[2].closest.contains("of 120.0 GFLOP/s (ONNX Runtime MatMul, the run's highest)"))

        // When OpenBLAS's sample alongside the cell is the highest, the share divides by it: 75 % exactly here.
        report.rows[1].peak = rate(90).gflops / 0.75
        report.peaks[1] = .init(openBLAS: report.rows[1].peak * 1.1, references: [.torch: 1, .onnx: 2])
        report.rows[1].references[.onnx] = rate(90)
        goals = report.goals
        #expect(goals.map(\.met) == [true, true, true, false])
        #expect(goals[0].closest == "1 thread, short, batch 64: 1.00×")
        let same = report.rows[1]
        #expect(abs(report.share(same, same.chatLab) - 0.75) < 1e-12)
        #expect(report.machinePeak(same).source == "OpenBLAS Cooperlake, alongside the cell")
        // The run's highest, any library (OpenBLAS's here), is shown next to it.
        let strict = report.runShare(same, same.chatLab)
        #expect(abs(strict - 0.75 / 1.1) < 1e-12)
        #expect(goals[2].closest.hasPrefix("1 thread, short, batch 64: 75.0 % of "), "\(goals[2].closest)")
        #expect(goals[2].closest.hasSuffix(
            String(format: "%.1f %% of the run's highest, any library", 100 * strict)))
        report.rows[1].peak *= 1.01
        #expect(!report.goals[2].met)
        let text = report.text()
        #expect(text.contains("MISSED  at least 75.0 %"))
        #expect(text.contains("met     at least 1.30× PyTorch at batch 1"))
        #expect(text.contains("met     at least ONNX Runtime fp32 in every cell"))
        #expect(text.contains("  1 thread, short, batch 64: spread"))
        // Without references only the share of the peak is judged.
        report.engines = []
        for index in report.rows.indices { report.rows[index].references = [:] }
        #expect(report.goals.map(\.name) == ["at least 75.0 % of the machine's best sgemm peak at batch 64"])
    }
}
