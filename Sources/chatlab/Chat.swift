import ArgumentParser
import Chatters
import Foundation
import Lab
import LabCore

extension ChatLab {
    struct Chat: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Talk to a chatter yourself; the conversation is saved and scored like any run.",
            discussion: """
                You are chatter1 and speak first; the chatter described in the file answers. An empty line or \
                Ctrl-D ends the conversation; the transcript and reports are kept.

                Example: chatlab chat --with config/chatters/reference.yaml
                """)

        @Option(name: .customLong("with"), help: "A YAML file describing one chatter (kind, name, memory, options).")
        var chatterFile: String

        @Option(help: "The most rounds before the session ends by itself.")
        var rounds: Int = 1000

        @Option(help: "Seed for anything random the chatter does.")
        var seed: UInt64 = 1

        @Option(help: "Folder that receives the report folder.")
        var out: String = "reports"

        @OptionGroup var output: OutputOptions

        func run() async throws {
            let experiment = try CLIErrors.reporting {
                try ChatSession.experiment(
                    chatterFile: chatterFile, console: TerminalConsole(), rounds: rounds, seed: seed, out: out)
            }
            let name = experiment.chatter(.chatter2).name
            print("Talking to \(name). An empty line ends the conversation.")
            let result = try await CLIErrors.reporting {
                try await ExperimentRunner(experiment: experiment, logger: output.makeLogger()).run()
            }
            ProgressPrinter(quiet: output.quiet).footer(result.analysis, folder: result.folder)
        }
    }
}
