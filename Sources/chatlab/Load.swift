import ArgumentParser
import Chatters
import Foundation
import Lab
import LabCore
import LoadTest

extension ChatLab {
    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load-test a chatter: many virtual users, latency per intent, intent accuracy, error rates.",
            discussion: """
                Sends the prompts (a .jsonl file with Intent, Question and optional RefCount, or plain text lines) \
                from --connections virtual users, each waiting for its reply (closed loop), or at a fixed --rate \
                (open loop: latency counts from when a message was due). Retries are off: every failure counts. \
                Writes load.json and load.xlsx (and with --zip, load.zip) into --out; exits 1 when a --fail-on threshold is not met.

                Example: chatlab load loadtests/demo.jsonl --bot config/chatters/helpdesk-ws.yaml --connections 20 \
                --fail-on 'p95 < 800ms' --fail-on 'intent_accuracy > 0.9'
                """)

        @Argument(help: "Prompt files: .jsonl (one JSON object per line) or text (one prompt per line).")
        var prompts: [String]

        @Option(help: "A YAML file describing the chatter under test (http, websocket, openai or any kind).")
        var bot: String

        @Option(help: "Concurrent virtual users.")
        var connections: Int = 10

        @Option(help: "Open loop: messages per second, e.g. 200 or 200/s (default: closed loop).")
        var rate: String?

        @Option(help: "Closed loop: seconds each user waits after a reply before its next message.")
        var think: Double = 0

        @Option(help: "Messages to send in all (default: each prompt once).")
        var messages: Int?

        @Option(help: "Or seconds to keep sending.")
        var duration: Double?

        @Option(help: "per-prompt: a new connection per message (the seed tool's way); per-user: one kept per user.")
        var connection: LoadPlan.Connections = .perPrompt

        @Option(help: "Step load: users per step, FIRST..LAST/STEP, e.g. 10..100/10.")
        var steps: String?

        @Option(help: "Seconds to wait between steps.")
        var pause: Double = 60

        @Option(help: "Step load: messages each user sends per step (default: the --messages/--duration of every step).")
        var perUser: Int?

        @Option(help: "The most prompts kept per file, sampled with --seed.")
        var maxSamples: Int?

        @Option(help: "Seed for sampling and for each message's request.")
        var seed: UInt64 = 1

        @Option(help: "JSON field of the prompt text.")
        var textField = "Question"

        @Option(help: "JSON field of the expected intent.")
        var intentField = "Intent"

        @Option(help: "JSON field of the expected number of references.")
        var refcountField = "RefCount"

        @Option(help: "Name of the reply's intent in its data (the chatter's data_paths).")
        var intentData = "intent"

        @Option(help: "Name of the reply's references in its data.")
        var referencesData = "references"

        @Option(help: "A reply text that means a server error (repeatable; replaces the defaults).")
        var serverError: [String] = []

        @Option(help: "A reply text that means throttling (repeatable; replaces the defaults).")
        var throttled: [String] = []

        @Option(help: "Threshold that must hold, e.g. 'p95 < 800ms', 'error_rate < 1%', 'intent_accuracy > 0.9' (repeatable).")
        var failOn: [String] = []

        @Option(help: "Folder for load.json and load.xlsx (created if missing).")
        var out = "reports/load"

        @Flag(help: "Also pack load.json and load.xlsx into load.zip in --out.")
        var zip = false

        @Flag(help: "No progress line.")
        var quiet = false

        func validate() throws {
            guard connections > 0 && connections <= 100_000 else { throw ValidationError("--connections must be 1 to 100000.") }
            guard think >= 0 && think <= 3600 else { throw ValidationError("--think must be 0 to 3600 seconds.") }
            guard messages.map({ $0 > 0 }) ?? true else { throw ValidationError("--messages must be at least 1.") }
            guard duration.map({ $0 > 0 && $0 <= 86_400 }) ?? true else { throw ValidationError("--duration must be 0 to 86400 seconds.") }
            guard messages == nil || duration == nil else { throw ValidationError("Give --messages or --duration, not both.") }
            guard pause >= 0 && pause <= 3600 else { throw ValidationError("--pause must be 0 to 3600 seconds.") }
            guard maxSamples.map({ $0 > 0 }) ?? true else { throw ValidationError("--max-samples must be at least 1.") }
            guard perUser.map({ $0 > 0 }) ?? true else { throw ValidationError("--per-user must be at least 1.") }
            if let rate { _ = try Self.parseRate(rate) }
        }

        static func parseRate(_ text: String) throws -> Double {
            let number = text.hasSuffix("/s") ? String(text.dropLast(2)) : text
            guard let value = Double(number), value > 0, value <= 1_000_000 else {
                throw ValidationError("--rate \(text) is not a rate; write e.g. --rate 200/s (messages per second).")
            }
            return value
        }

        func run() async throws {
            let thresholds = try failOn.map { text in try CLIErrors.reporting { try LoadThreshold(text) } }
            let stepUsers = try steps.map { text in try CLIErrors.reporting { try StepLoad.parseSteps(text) } }
            let reader = PromptReader(
                fields: PromptFields(text: textField, intent: intentField, referenceCount: refcountField),
                maxSamples: maxSamples, seed: seed)
            let promptList = try CLIErrors.reporting { try reader.read(paths: prompts) }
            let loaded = try CLIErrors.reporting { try ChatterLoader.load(path: bot, context: Warnings.context()) }
            if NoRetries.retries(of: loaded.chatter) > 0, !quiet {
                print("note: retries are off under load (each failure counts); \(bot) asks for some")
            }
            let arrival: LoadPlan.Arrival = try rate.map { .open(rate: try Self.parseRate($0)) } ?? .closed(think: think)
            let stop: LoadPlan.Stop = duration.map { .duration($0) } ?? .messages(messages ?? promptList.count)
            let plan = LoadPlan(users: connections, arrival: arrival, stop: stop, connections: connection, seed: seed)
            let patterns = ErrorPatterns(
                serverError: serverError.isEmpty ? ErrorPatterns.defaultServerError : serverError,
                throttled: throttled.isEmpty ? ErrorPatterns.defaultThrottled : throttled)
            let driver = LoadDriver(
                chatter: NoRetries.apply(loaded.chatter), prompts: promptList, plan: plan, patterns: patterns,
                fields: ReplyFields(intent: intentData, references: referencesData))
            let printer = LoadProgressPrinter(quiet: quiet)
            var stepRows: [StepRow] = []
            let run: LoadRun
            if let stepUsers {
                let load = StepLoad(driver: driver, steps: stepUsers, pause: pause, messagesPerUser: perUser)
                (stepRows, run) = await load.run { _, progress in printer.update(progress) }
            } else {
                run = await driver.run { printer.update($0) }
            }
            printer.finish()
            let statistics = LoadStatistics(run: run)
            let outcomes = thresholds.map { $0.check(statistics) }
            let settings = settingsTable(plan: plan, prompts: promptList.count)
            let results = LoadResults(settings: settings, statistics: statistics, steps: stepRows,
                                      thresholds: outcomes, messages: run.messages)
            try CLIErrors.reporting { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
            let json = (out as NSString).appendingPathComponent("load.json")
            let workbook = (out as NSString).appendingPathComponent("load.xlsx")
            try CLIErrors.reporting {
                try results.write(to: json)
                try LoadWorkbook.write(results, to: workbook)
            }
            if zip {
                let archive = (out as NSString).appendingPathComponent("load.zip")
                try CLIErrors.reporting { try LoadZip.write(files: ["load.json", "load.xlsx"], in: out, to: archive) }
                print("zip: \(archive)")
            }
            LoadReportPrinter.print(results)
            print("results: \(json)\nworkbook: \(workbook)")
            if outcomes.contains(where: { !$0.passed }) { throw ExitCode(1) }
        }

        private func settingsTable(plan: LoadPlan, prompts count: Int) -> [String: String] {
            var settings = ["bot": bot, "prompts": "\(count) from \(prompts.joined(separator: ", "))",
                "users": steps ?? "\(connections)", "connections": connection.rawValue, "seed": "\(seed)"]
            switch plan.arrival {
            case .closed(let think): settings["arrival"] = "closed loop, think \(think) s"
            case .open(let rate): settings["arrival"] = "open loop, \(rate) messages/s"
            }
            switch plan.stop {
            case .messages(let count): settings["stop"] = perUser.map { "\($0) messages per user per step" } ?? "\(count) messages"
            case .duration(let seconds): settings["stop"] = "\(seconds) s"
            }
            return settings
        }
    }
}

extension LoadPlan.Connections: ExpressibleByArgument {}
