import Foundation
import LabYAML
import LoadTest
import Testing
import TestSupport

/// `load:` config files: every key read, paths relative to the file, mistakes named by file:line with the fix.
@Suite struct LoadConfigTests {
    @Test func theShippedDemoConfigReadsWithItsPathsResolved() throws {
        let path = "\(ChatlabProcess.root)/config/load-demo.yaml"
        #expect(LoadConfigReader.isLoadConfig(path))
        #expect(!LoadConfigReader.isLoadConfig("\(ChatlabProcess.root)/config/demo.yaml"))
        let settings = try LoadConfigReader().read(path: path)
        #expect(settings.prompts == ["\(ChatlabProcess.root)/loadtests/demo.jsonl"])
        #expect(settings.bot == "\(ChatlabProcess.root)/config/chatters/helpdesk-ws.yaml")
        #expect(settings.steps == [5, 10, 15, 20] && settings.perUser == 4 && settings.connection == .perUser)
        #expect(settings.thresholds.map(\.text) == ["p95 < 800ms", "error_rate < 15%", "intent_accuracy > 0.8"])
        #expect(settings.scorers.map(\.title) == ["stutter", "toxicity"])
        #expect(settings.maxLength == 1000)
        try settings.validate()
    }

    @Test func everyKeyIsRead() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("load.yaml")
        try """
            load:
              prompts: p.txt
              bot: bot.yaml
              connections: 7
              rate: 50/s
              messages: 99
              connection: per-user
              max_samples: 3
              seed: 42
              text_field: q
              intent_field: i
              refcount_field: r
              answer_field: a
              intent_data: label
              references_data: refs
              server_error: [boom]
              throttled: [slow down]
              fail_on: [p99 < 2s]
              out: results
              zip: true
              max_length: 500
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let settings = try LoadConfigReader().read(path: path)
        #expect(settings.prompts == [folder.path("p.txt")] && settings.bot == folder.path("bot.yaml"))
        #expect(settings.connections == 7 && settings.rate == 50 && settings.messages == 99 && settings.seed == 42)
        #expect(settings.fields == PromptFields(text: "q", intent: "i", referenceCount: "r", answer: "a"))
        #expect(settings.replyFields == ReplyFields(intent: "label", references: "refs"))
        #expect(settings.patterns == ErrorPatterns(serverError: ["boom"], throttled: ["slow down"]))
        #expect(settings.out == folder.path("results") && settings.zip && settings.maxLength == 500)
        #expect(settings.maxSamples == 3 && settings.thresholds.count == 1)
    }

    @Test func mistakesNameTheLineAndTheFix() throws {
        let folder = try TemporaryDirectory()
        func error(_ body: String) throws -> String {
            let path = folder.path("load.yaml")
            try ("load:\n  prompts: p.txt\n  bot: b.yaml\n" + body).write(toFile: path, atomically: true, encoding: .utf8)
            do {
                var settings = try LoadConfigReader().read(path: path)
                try settings.validate()
                settings.out = ""
                return "no error"
            } catch { return "\(error)" }
        }
        #expect(try error("  conections: 5\n").contains("load.yaml:4:3"))
        #expect(try error("  conections: 5\n").contains("connections"))
        #expect(try error("  fail_on: [p95 < 5%]\n").contains("load.yaml:4:"))
        #expect(try error("  fail_on: [p95 < 5%]\n").contains("gives a latency in %"))
        #expect(try error("  steps: 10..5/1\n").contains("load.yaml:4:"))
        #expect(try error("  rate: fast\n").contains("Write e.g. rate 200/s"))
        #expect(try error("  scorers: {stuter: {}}\n").contains("stutter"))
        #expect(try error("  messages: 5\n  duration: 3\n").contains("not both"))
    }
}
