import Foundation
import Testing
import TestSupport

/// Runs an experiment on one machine and as shards in separate `chatlab` processes, merges the shards, and
/// compares the merged report folder with the single-machine one.
enum ShardedRun {
    /// Runs `config` in one process into `<dir>/single`, and as `count` shard processes into `<dir>/shard-K`.
    /// - Returns: the single run's exit status.
    static func runBoth(_ config: String, count: Int, in dir: TemporaryDirectory, extra: [String] = []) throws -> Int32 {
        let single = try ChatlabProcess.run(["run", config, "--report-dir", dir.path("single"), "-q"] + extra)
        #expect(single.status <= 1, "\(single.stderr)")
        for index in 1...count {
            let shard = try ChatlabProcess.run(
                ["run", config, "--shard", "\(index)/\(count)", "--report-dir", dir.path("shard-\(index)"), "-q"] + extra)
            #expect(shard.status == 0, "\(shard.stderr)")
        }
        return single.status
    }

    /// The transcripts of `runs` runs with latencies removed (the one field that differs between identical runs).
    static func transcripts(_ folder: String, runs: Int) throws -> [[String]] {
        try (1...runs).map { try TranscriptLines.withoutLatency("\(folder)/transcripts/run-\($0).jsonl") }
    }

    /// A JSON record with what depends on the clock (and, unless `keepExecution`, the execution id) left out; a
    /// response-time score keeps only its counts.
    static func numbers(_ path: String, keepExecution: Bool = false) throws -> Any {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        var timing: Set<String> = ["started", "ended", "seconds", "turnsPerSecond", "latency"]
        if !keepExecution { timing.formUnion(["execution", "conversation"]) }
        func strip(_ value: Any) -> Any {
            if let array = value as? [Any] { return array.map(strip) }
            guard var dictionary = value as? [String: Any] else { return value }
            if dictionary["code"] as? String == "RT" {
                dictionary = dictionary.filter { ["code", "seat", "total", "asked", "failed"].contains($0.key) }
            }
            return dictionary.filter { !timing.contains($0.key) }.mapValues(strip)
        }
        return strip(object)
    }

    /// Where two JSON values differ (paths), numbers equal within `tolerance`: two single-machine runs of the same
    /// seed already differ in the last float32 digits of the sentence encoder's similarities (its batches depend
    /// on timing), so 1e-6 is the exactness a single machine has with itself. Counts are integers and compared
    /// exactly by the same rule.
    static func differences(_ one: Any, _ other: Any, path: String = "", tolerance: Double = 1e-6) -> [String] {
        switch (one, other) {
        case let (a as [String: Any], b as [String: Any]):
            guard Set(a.keys) == Set(b.keys) else {
                return ["\(path): keys \(a.keys.sorted()) vs \(b.keys.sorted())"]
            }
            return a.keys.sorted().flatMap { differences(a[$0]!, b[$0]!, path: "\(path).\($0)", tolerance: tolerance) }
        case let (a as [Any], b as [Any]):
            guard a.count == b.count else { return ["\(path): \(a.count) vs \(b.count) items"] }
            return zip(a, b).enumerated().flatMap {
                differences($0.element.0, $0.element.1, path: "\(path)[\($0.offset)]", tolerance: tolerance)
            }
        case let (a as String, b as String):
            return a == b ? [] : ["\(path): \(a) vs \(b)"]
        case let (a as NSNumber, b as NSNumber):
            let (x, y) = (a.doubleValue, b.doubleValue)
            return abs(x - y) <= tolerance * max(1, abs(x), abs(y)) ? [] : ["\(path): \(x) vs \(y)"]
        case (is NSNull, is NSNull):
            return []
        default:
            return ["\(path): \(one) vs \(other)"]
        }
    }

    /// Where two JSON records differ, timing (and, unless `keepExecution`, the execution id) aside.
    static func differences(_ one: String, _ other: String, keepExecution: Bool = false) throws -> [String] {
        try differences(numbers(one, keepExecution: keepExecution), numbers(other, keepExecution: keepExecution))
    }

    /// Checks `merged` against the single-machine folder `single` and the shard folders it came from.
    static func expectSame(
        merged: String, single: String, shards: [String], runs: Int, sameExecution: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let manager = FileManager.default
        // Transcripts: the shard's bytes exactly, and the single machine's turns (latencies aside).
        #expect(try transcripts(merged, runs: runs) == transcripts(single, runs: runs), sourceLocation: sourceLocation)
        #expect(manager.fileExists(atPath: "\(merged)/transcripts/run-\(runs + 1).jsonl") == false)
        for run in 1...runs {
            let owner = shards[(run - 1) % shards.count]
            for name in ["transcripts/run-\(run).jsonl", "transcripts/run-\(run).conversation.json"] {
                #expect(
                    manager.contents(atPath: "\(merged)/\(name)") == manager.contents(atPath: "\(owner)/\(name)"),
                    "\(name)", sourceLocation: sourceLocation)
            }
            #expect(
                try differences("\(merged)/runs/run-\(run).json", "\(single)/runs/run-\(run).json") == [],
                "runs/run-\(run).json", sourceLocation: sourceLocation)
            #expect(
                try differences(
                    "\(merged)/transcripts/run-\(run).conversation.json",
                    "\(single)/transcripts/run-\(run).conversation.json", keepExecution: sameExecution) == [],
                sourceLocation: sourceLocation)
        }
        let summary = try differences(
            "\(merged)/summary.json", "\(single)/summary.json", keepExecution: sameExecution)
        #expect(summary == [], sourceLocation: sourceLocation)
        #expect(try (numbers("\(merged)/summary.json") as? [String: Any])?["total"] != nil, "summary.json has totals")
        #expect(manager.contents(atPath: "\(merged)/config.yaml") == manager.contents(atPath: "\(single)/config.yaml"))
        // Workbooks: the same sheets of the same size (the response-time sheet's rows are latency bins: timing).
        for book in ["report.xlsx", "summary.xlsx"] {
            let one = try XLSXDump.load("\(single)/\(book)")
            let other = try XLSXDump.load("\(merged)/\(book)")
            #expect(one.sheetNames == other.sheetNames, "\(book)", sourceLocation: sourceLocation)
            func sizes(_ dump: XLSXDump) -> [String] {
                dump.sheets.filter { $0.name != "Response time" }.map { "\($0.name) \($0.max_row)x\($0.max_column)" }
            }
            #expect(sizes(one) == sizes(other), "\(book)", sourceLocation: sourceLocation)
        }
    }
}
