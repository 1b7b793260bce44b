import Foundation
import TestSupport
import Testing

/// Issue #14 item 6: token usage, speed and cost per chatter in the terminal, `summary.json` and the `Tokens` sheet.
@Suite(.serialized) struct TokenUsageRunTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory(prefix: "chatlab-usage")
    }

    private func config(_ name: String, runs: Int = 1, chatter2: String) throws -> String {
        try ScriptedTesterConfig.write(name, rounds: 4, extra: "runs: \(runs)", chatter2: chatter2, in: folder)
    }

    /// Every bot turn's metrics over the runs' transcripts.
    private func botMetrics(_ report: String, runs: Int) throws -> [[String: Double]] {
        try (1...runs).flatMap { run in
            try TranscriptLines.objects("\(report)/transcripts/run-\(run).jsonl")
                .filter { $0["seat"] as? Int == 2 }.compactMap { $0["metrics"] as? [String: Double] }
        }
    }

    private func summaryTotal(_ report: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(report)/summary.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(object["total"] as? [String: Any])
    }

    @Test func aPricedStreamingOpenAIChatterGetsTotalsSpeedAndCostEverywhere() throws {
        let server = try ServerProcess.chatlabServe(bot: "echo")
        let path = try config("priced", runs: 2, chatter2: """
            kind: openai
            name: llm
            base_url: \(server.base)/v1
            model: echo
            stream: true
            price: {input: 0.15, output: 0.6}
            """)
        let report = folder.path("report-priced")
        let result = try ChatlabProcess.run(["run", path, "--report-dir", report])
        #expect(result.status == 0, "\(result.stderr)")

        let metrics = try botMetrics(report, runs: 2)
        #expect(metrics.count == 8)
        let prompt = metrics.reduce(0) { $0 + ($1["prompt_tokens"] ?? 0) }
        let completion = metrics.reduce(0) { $0 + ($1["completion_tokens"] ?? 0) }
        #expect(prompt > 0 && completion > 0)
        let cost = prompt * 0.15 / 1_000_000 + completion * 0.6 / 1_000_000

        // summary.json
        let usage = try #require(try summaryTotal(report)["usage"] as? [[String: Any]])
        #expect(usage.count == 1)
        let seat = try #require(usage.first)
        #expect(seat["seat"] as? String == "chatter2")
        #expect(seat["turns"] as? Int == 8)
        #expect(seat["promptTokens"] as? Double == prompt)
        #expect(seat["completionTokens"] as? Double == completion)
        #expect(seat["cost"] as? Double == cost)
        let price = try #require(seat["price"] as? [String: Double])
        #expect(price == ["input": 0.15, "output": 0.6])
        for name in ["ttft", "tokensPerSecond"] {
            let spread = try #require(seat[name] as? [String: Double], "\(name)")
            #expect(Set(spread.keys) == ["mean", "median", "p95"], "\(name)")
            #expect(spread.values.allSatisfy { $0 >= 0 && $0.isFinite }, "\(name)")
            #expect(spread["p95"]! >= spread["median"]!, "\(name)")
        }

        // the terminal
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("chatter2 ") }, "\(result.stdout)")
        let cells = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        #expect(cells[1] == "8" && cells[2] == String(Int(prompt)) && cells[3] == String(Int(completion)), "\(line)")
        #expect(cells.last == String(format: "%.6f", cost), "\(line)")
        #expect(result.stdout.contains("ttft mean/median/p95 (s)"))

        // the Tokens sheet
        let book = try XLSXDump.load("\(report)/summary.xlsx")
        let sheet = try #require(book.sheet(named: "Tokens"), "\(book.sheetNames)")
        #expect(book.sheetNames.firstIndex(of: "Tokens")! < book.sheetNames.firstIndex(of: "Experiment")!)
        let row = try #require(sheet.row(labelled: "chatter2"))
        func number(_ header: String) throws -> Double? {
            sheet.value(row: row, col: try #require(sheet.column(named: header), "\(header)"))?.number
        }
        #expect(try number("turns") == 8)
        #expect(try number("prompt tokens") == prompt)
        #expect(try number("completion tokens") == completion)
        #expect(try number("cost") == cost)
        #expect(try number("price input / 1M") == 0.15)
        for header in ["ttft mean (s)", "ttft median (s)", "ttft p95 (s)", "tokens/s mean", "tokens/s median", "tokens/s p95"] {
            let value = try #require(try number(header), "\(header)")
            #expect(value >= 0, "\(header)")
        }
        let overview = try #require(book.sheet(named: "Overview"))
        #expect(overview.cells.contains { $0.value.string == "Tokens" }, "the Overview lists the sheet")

        // analyze reads the price from the folder's config and sums the transcripts again
        let analyzed = try ChatlabProcess.run(["analyze", report, "-q"])
        #expect(analyzed.status == 0, "\(analyzed.stderr)")
        let again = try #require((try summaryTotal(report)["usage"] as? [[String: Any]])?.first)
        #expect(again["promptTokens"] as? Double == prompt && again["cost"] as? Double == cost)
    }

    @Test func anUnpricedChatterHasNoCostAndAChatterWithoutMetricsNoSheet() throws {
        let server = try ServerProcess.chatlabServe(bot: "echo")
        let unpriced = folder.path("report-unpriced")
        var result = try ChatlabProcess.run(["run", try config("unpriced", chatter2: """
            kind: openai
            base_url: \(server.base)/v1
            model: echo
            """), "--report-dir", unpriced, "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        let seat = try #require((try summaryTotal(unpriced)["usage"] as? [[String: Any]])?.first)
        #expect(seat["cost"] == nil && seat["price"] == nil && seat["ttft"] == nil)
        #expect(seat["tokensPerSecond"] != nil)
        #expect(try XLSXDump.load("\(unpriced)/summary.xlsx").sheetNames.contains("Tokens"))

        let plain = folder.path("report-plain")
        result = try ChatlabProcess.run(["run", try config("plain", chatter2: """
            kind: http
            url: \(server.base)/chat
            body: {session: "{{session}}", message: "{{message}}"}
            reply_path: reply
            """), "--report-dir", plain])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try summaryTotal(plain)["usage"] == nil)
        #expect(!result.stdout.contains("prompt tokens"))
        #expect(!(try XLSXDump.load("\(plain)/summary.xlsx").sheetNames.contains("Tokens")))
    }

    @Test(arguments: [
        ("price: 0.15", "price.yaml:13:", "mapping"),
        ("price: {input: 0.15}", "price.yaml:13:", "output"),
        ("price: {input: -1, output: 0.6}", "price.yaml:13:", "outside"),
        ("price: {input: 0.15, output: cheap}", "price.yaml:13:", "number"),
        ("price: {input: 0.15, output: 0.6, cached: 0.01}", "price.yaml:13:", "cached"),
    ])
    func aBadPriceIsAConfigErrorWithItsLine(price: String, place: String, word: String) throws {
        let path = try config("price", chatter2: """
            kind: openai
            base_url: http://127.0.0.1:9/v1
            model: echo
            \(price)
            """)
        let result = try ChatlabProcess.run(["validate", path])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(place), "\(result.stderr)")
        #expect(result.stderr.contains(word), "\(result.stderr)")
    }

    @Test func aPriceOnAChatterWithoutTokenMetricsIsAnUnknownKey() throws {
        let path = try config("scriptprice", chatter2: """
            kind: echo
            price: {input: 0.15, output: 0.6}
            """)
        let result = try ChatlabProcess.run(["validate", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("scriptprice.yaml:11:"), "\(result.stderr)")
    }
}
