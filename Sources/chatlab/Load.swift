import ArgumentParser
import Chatters
import Foundation
import Lab
import LabCore
import LoadTest

extension ChatLab {
    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load-test a chatter: many virtual users, latency per intent, intent accuracy, error rates, quality.",
            discussion: """
                Sends the prompts (a .jsonl file with Intent, Question and optional RefCount and Answer, or plain \
                text lines) from --connections virtual users, each waiting for its reply (closed loop), or at a \
                fixed --rate (open loop: latency counts from when a message was due). Retries are off: every \
                failure counts. Writes messages.jsonl (as messages finish), load.json and load.xlsx (and with \
                --zip, load.zip) into --out; exits 1 when a --fail-on threshold is not met.

                Or give one config file with a `load:` mapping of the same keys (underscores for dashes); options \
                given as well override the file.

                Example: chatlab load loadtests/demo.jsonl --bot config/chatters/helpdesk-ws.yaml --connections 20 \
                --fail-on 'p95 < 800ms' --fail-on 'intent_accuracy > 0.9'
                Example: chatlab load config/load-demo.yaml --connections 50
                """)

        @Argument(help: "Prompt files: .jsonl (one JSON object per line) or text (one prompt per line); or one load config (.yaml).")
        var prompts: [String]

        @Option(help: "A YAML file describing the chatter under test (http, websocket, openai or any kind).")
        var bot: String?

        @Option(help: "Concurrent virtual users (default 10).")
        var connections: Int?

        @Option(help: "Open loop: messages per second, e.g. 200 or 200/s (default: closed loop).")
        var rate: String?

        @Option(help: "Closed loop: seconds each user waits after a reply before its next message (default 0).")
        var think: Double?

        @Option(help: "Messages to send in all (default: each prompt once).")
        var messages: Int?

        @Option(help: "Or seconds to keep sending.")
        var duration: Double?

        @Option(help: "per-prompt: a new connection per message (the seed tool's way, the default); per-user: one kept per user.")
        var connection: LoadPlan.Connections?

        @Option(help: "Step load: users per step, FIRST..LAST/STEP, e.g. 10..100/10.")
        var steps: String?

        @Option(help: "Seconds to wait between steps (default 60).")
        var pause: Double?

        @Option(help: "Step load: messages each user sends per step (default: the --messages/--duration of every step).")
        var perUser: Int?

        @Option(help: "The most prompts kept per file, sampled with --seed.")
        var maxSamples: Int?

        @Option(help: "Seed for sampling and for each message's request (default 1).")
        var seed: UInt64?

        @Option(help: "JSON field of the prompt text (default Question).")
        var textField: String?

        @Option(help: "JSON field of the expected intent (default Intent).")
        var intentField: String?

        @Option(help: "JSON field of the expected number of references (default RefCount).")
        var refcountField: String?

        @Option(help: "JSON field of the expected answer, judged by the lab's answer judge (default Answer).")
        var answerField: String?

        @Option(help: "Name of the reply's intent in its data (the chatter's data_paths; default intent).")
        var intentData: String?

        @Option(help: "Name of the reply's references in its data (default references).")
        var referencesData: String?

        @Option(help: "A reply text that means a server error (repeatable; replaces the defaults).")
        var serverError: [String] = []

        @Option(help: "A reply text that means throttling (repeatable; replaces the defaults).")
        var throttled: [String] = []

        @Option(help: "Threshold that must hold, e.g. 'p95 < 800ms', 'error_rate < 1%', 'intent_accuracy > 0.9' (repeatable; adds to the file's).")
        var failOn: [String] = []

        @Option(help: "Length check: a reply longer than this many characters fails it (the seed tool used 1000).")
        var maxLength: Int?

        @Option(help: "Score every answered reply with this lab scorer while the load runs, e.g. toxicity (repeatable; adds to the file's).")
        var score: [String] = []

        @Option(help: "Folder for messages.jsonl, load.json and load.xlsx (created if missing; default reports/load).")
        var out: String?

        @Flag(help: "Also pack messages.jsonl, load.json and load.xlsx into load.zip in --out.")
        var zip = false

        @Option(help: "Run only this machine's part of a split test: K/N, or auto (Slurm array / Kubernetes index); join the --out folders with 'chatlab merge'.")
        var shard: String?

        @Flag(help: "No progress line.")
        var quiet = false

        func run() async throws {
            let settings = try CLIErrors.reporting { try self.settings() }
            let reader = PromptReader(fields: settings.fields, maxSamples: settings.maxSamples, seed: settings.seed)
            let promptList = try CLIErrors.reporting { try reader.read(paths: settings.prompts) }
            let bot = settings.bot!
            let loaded = try CLIErrors.reporting { try ChatterLoader.load(path: bot, context: Warnings.context()) }
            if UnderLoad.retries(of: loaded.chatter) > 0, !quiet {
                print("note: retries are off under load (each failure counts); \(bot) asks for some")
            }
            var plan = settings.plan(promptCount: promptList.count)
            let shardSpec = try shard.map { text in
                try CLIErrors.reporting { try ShardSpec(parsing: text, environment: ProcessInfo.processInfo.environment) }
            }
            if let shardSpec {
                if settings.steps != nil {
                    try CLIErrors.reporting {
                        throw LoadError("--shard", "does not split a step load yet", fix: "Run each step's users as a split test of its own.")
                    }
                }
                plan.shard = shardSpec
                plan.totalUsers = settings.connections
                plan.users = LoadPlan.users(settings.connections, in: shardSpec)
                if plan.users == 0 {
                    try CLIErrors.reporting {
                        throw LoadError("--shard \(shardSpec)", "leaves this shard no user (--connections \(settings.connections))",
                                        fix: "Use at most \(settings.connections) shards, or more connections.")
                    }
                }
            }
            try CLIErrors.reporting { try FileManager.default.createDirectory(atPath: settings.out, withIntermediateDirectories: true) }
            let logPath = (settings.out as NSString).appendingPathComponent("messages.jsonl")
            let log = try CLIErrors.reporting { try MessageLog(path: logPath) }
            let quality = settings.scorers.isEmpty && !promptList.contains(where: { $0.answer != nil })
                ? nil : QualityMonitor(scorers: settings.scorers)
            let driver = LoadDriver(
                chatter: UnderLoad.apply(loaded.chatter), prompts: promptList, plan: plan, patterns: settings.patterns,
                fields: settings.replyFields,
                output: LoadOutput(log: log, keepsMessages: false, maxReplyCharacters: settings.maxLength, quality: quality))
            let printer = LoadProgressPrinter(quiet: quiet)
            var stepRows: [StepRow] = []
            let run: LoadRun
            if let stepUsers = settings.steps {
                let load = StepLoad(driver: driver, steps: stepUsers, pause: settings.pause, messagesPerUser: settings.perUser)
                (stepRows, run) = await load.run { _, progress in printer.update(progress) }
            } else {
                run = await driver.run { printer.update($0) }
            }
            printer.finish()
            try CLIErrors.reporting { try log.close() }
            let scores = await quality?.finish()
            let statistics = LoadStatistics(run: run)
            let outcomes = settings.thresholds.map { $0.check(statistics) }
            let table = settingsTable(settings, prompts: promptList.count)
            let results = LoadResults(
                settings: table, statistics: statistics, steps: stepRows, thresholds: outcomes, quality: scores,
                messageLog: "messages.jsonl",
                shard: shardSpec.map { spec in
                    LoadShard(index: spec.index, count: spec.count, digest: Self.digest(table, prompts: promptList, shards: spec.count),
                              users: plan.users, tally: run.tally)
                })
            let json = (settings.out as NSString).appendingPathComponent("load.json")
            let workbook = (settings.out as NSString).appendingPathComponent("load.xlsx")
            try CLIErrors.reporting {
                try results.write(to: json)
                try LoadWorkbook.write(results, to: workbook)
            }
            if settings.zip {
                let archive = (settings.out as NSString).appendingPathComponent("load.zip")
                try CLIErrors.reporting {
                    try LoadZip.write(files: ["load.json", "load.xlsx", "messages.jsonl"], in: settings.out, to: archive)
                }
                print("zip: \(archive)")
            }
            LoadReportPrinter.print(results)
            print("results: \(json)\nworkbook: \(workbook)\nmessages: \(logPath)")
            if outcomes.contains(where: { !$0.passed }) { throw ExitCode(1) }
        }

        /// The config file's settings (when the one argument is a `load:` file) with the options on top.
        private func settings() throws -> LoadSettings {
            let services = EncoderSetup.services.scoring
            let configReader = LoadConfigReader(services: services)
            var settings = LoadSettings()
            if prompts.count == 1, [".yaml", ".yml"].contains(where: prompts[0].hasSuffix),
               LoadConfigReader.isLoadConfig(prompts[0]) {
                settings = try configReader.read(path: prompts[0])
            } else {
                settings.prompts = prompts
            }
            if let bot { settings.bot = bot }
            if let connections { settings.connections = connections }
            if let rate { settings.rate = try LoadSettings.parseRate(rate, name: "--rate") }
            if let think { settings.think = think }
            if let messages { settings.messages = messages; settings.duration = nil }
            if let duration { settings.duration = duration; if messages == nil { settings.messages = nil } }
            if let connection { settings.connection = connection }
            if let steps {
                settings.steps = try StepLoad.parseSteps(steps)
                settings.stepsText = steps
            }
            if let pause { settings.pause = pause }
            if let perUser { settings.perUser = perUser }
            if let maxSamples { settings.maxSamples = maxSamples }
            if let seed { settings.seed = seed }
            if let textField { settings.fields.text = textField }
            if let intentField { settings.fields.intent = intentField }
            if let refcountField { settings.fields.referenceCount = refcountField }
            if let answerField { settings.fields.answer = answerField }
            if let intentData { settings.replyFields.intent = intentData }
            if let referencesData { settings.replyFields.references = referencesData }
            if !serverError.isEmpty { settings.patterns.serverError = serverError }
            if !throttled.isEmpty { settings.patterns.throttled = throttled }
            settings.thresholds += try failOn.map { try LoadThreshold($0) }
            if let maxLength { settings.maxLength = maxLength }
            settings.scorers += try configReader.scorers(named: score)
            if let out { settings.out = out }
            if zip { settings.zip = true }
            try settings.validate()
            return settings
        }

        /// What every shard of one split test shares: settings (but the output folder), prompts, seed, shard count.
        static func digest(_ table: [String: String], prompts: [LoadPrompt], shards: Int) -> String {
            let settings = table.filter { $0.key != "out" }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            let text = (settings + prompts.map { "\($0.text)|\($0.intent ?? "")|\($0.answer ?? "")" } + ["shards=\(shards)"])
                .joined(separator: "\n")
            return String(StableHash.fnv1a(text), radix: 16)
        }

        private func settingsTable(_ settings: LoadSettings, prompts count: Int) -> [String: String] {
            var table = ["bot": settings.bot ?? "", "prompts": "\(count) from \(settings.prompts.joined(separator: ", "))",
                "users": settings.stepsText ?? "\(settings.connections)", "connections": settings.connection.rawValue,
                "seed": "\(settings.seed)"]
            switch settings.arrival {
            case .closed(let think): table["arrival"] = "closed loop, think \(think) s"
            case .open(let rate): table["arrival"] = "open loop, \(rate) messages/s"
            }
            switch settings.plan(promptCount: count).stop {
            case .messages(let total):
                table["stop"] = settings.perUser.map { "\($0) messages per user per step" } ?? "\(total) messages"
            case .duration(let seconds): table["stop"] = "\(seconds) s"
            }
            if let maxLength = settings.maxLength { table["length check"] = "at most \(maxLength) characters" }
            if !settings.scorers.isEmpty { table["scorers"] = settings.scorers.map(\.title).joined(separator: ", ") }
            return table
        }
    }
}

extension LoadPlan.Connections: ExpressibleByArgument {}
