import ArgumentParser
import Foundation
import Lab
import LabCore
import LabYAML
import Simulation
import Transcripts

extension ChatLab {
    struct Simulate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Simulate users from a conversation profile against a bot, and write the usual reports.",
            discussion: """
                The profile is a SENSEI-style YAML file (test_name, llm, user, chatbot, conversation). Each of its \
                conversations is one run of an experiment whose chatter1 is the simulated user and whose chatter2 \
                (under test) is the bot file given with --bot, as in config/chatters/. Run k gets the k-th \
                assignment of the profile's variables, drawn from --seed.

                Offline (no base_url, no OPENAI_BASE_URL) a template user speaks; with an LLM, one call per user \
                message. The report folder has the usual transcripts and workbooks (with a Simulation sheet), and \
                sensei/ with the conversations in the SENSEI tool's three-document YAML format.

                Example: chatlab simulate profiles/pizza-order.yaml --bot config/chatters/shop.yaml --seed 7
                """)

        @Argument(help: "The conversation profile (YAML).")
        var profile: String

        @Option(help: "The bot's chatter file (YAML, as in config/chatters/). Not needed with --plan.")
        var bot: String?

        @Option(help: "The seed that draws the variables' values and styles.")
        var seed: UInt64 = 1

        @Option(help: "Hold this many conversations instead of the profile's number.")
        var conversations: Int?

        @Option(help: "Conversations held at once (transcripts and reports stay as a sequential run's).")
        var concurrency = 1

        @Option(help: "template (offline) or llm; default: llm when an LLM is configured, else template.")
        var voice: String?

        @Option(help: "With an LLM: the most calls the simulated user may make over all conversations.")
        var maxLlmCalls: Int?

        @Option(help: "With an LLM: the most tokens (prompt + completion) it may use over all conversations.")
        var maxLlmTokens: Int?

        @Flag(help: "Print the conversations' values, styles and lengths without talking to anyone.")
        var plan = false

        @Option(help: "The folder that receives the report folder.")
        var out = "reports"

        @Option(help: "Write into exactly this report folder (new or empty; see --force).")
        var reportDir: String?

        @Flag(help: "With --report-dir: clear that folder first if an earlier run used it.")
        var force = false

        @OptionGroup var gate: GateOptions

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if !plan, bot == nil { throw ValidationError("Give --bot BOT.yaml (the bot to simulate against), or --plan.") }
            if let voice, !["template", "llm"].contains(voice) { throw ValidationError("--voice is template or llm.") }
            if concurrency < 1 || concurrency > 10_000 { throw ValidationError("--concurrency is 1 to 10000.") }
            if let conversations, conversations < 1 { throw ValidationError("--conversations must be at least 1.") }
            if let maxLlmCalls, maxLlmCalls < 1 { throw ValidationError("--max-llm-calls must be at least 1.") }
            if let maxLlmTokens, maxLlmTokens < 1 { throw ValidationError("--max-llm-tokens must be at least 1.") }
            if force, reportDir == nil { throw ValidationError("--force clears the --report-dir folder; give --report-dir DIR too.") }
        }

        func run() async throws {
            let loaded = try CLIErrors.reporting { try ProfileLoader().load(path: profile) }
            for warning in loaded.warnings { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
            if plan {
                print(SimulationPlanText.text(loaded.profile, seed: seed, count: conversations))
                return
            }
            var budget: [String] = []
            if let maxLlmCalls { budget.append("requests: \(maxLlmCalls)") }
            if let maxLlmTokens { budget.append("tokens: \(maxLlmTokens)") }
            let config = SimulationConfig(profilePath: profile, botPath: bot!, seed: seed, conversations: conversations,
                voice: voice, reportOut: out, simulatorOptions: budget.isEmpty ? [:] : ["budget": "{\(budget.joined(separator: ", "))}"],
                concurrency: concurrency)
            let text = config.text(for: loaded.profile)
            let context = Warnings.context(console: TerminalConsole())
            let path = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent("simulate.yaml")
            let experiment = try CLIErrors.reporting {
                try ExperimentLoader(context: context, services: EncoderSetup.services).load(text: text, path: path)
            }
            let limits = Threshold.merge(experiment.thresholds, try gate.limits(codes: experiment.scoredCodes))
            let printer = ProgressPrinter(quiet: output.quiet, bar: true)
            printer.header(experiment)
            let result = try await CLIErrors.reporting {
                try await ExperimentRunner(experiment: experiment, logger: output.makeLogger())
                    .run(into: reportDir.map(ReportFolder.init), clearing: force, progress: printer.handle)
            }
            let exported = try CLIErrors.reporting { try SenseiExport.write(folder: result.folder, userSeat: .chatter1) }
            printer.footer(result.analysis, folder: result.folder)
            if !output.quiet {
                print(SimulationDigest.text(result.analysis.simulations))
                if let first = exported.first {
                    print("SENSEI-format conversations: \((first as NSString).deletingLastPathComponent)/")
                }
            }
            try gate.enforce(result.analysis, thresholds: limits, quiet: output.quiet)
        }
    }
}
