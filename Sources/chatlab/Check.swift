import ArgumentParser
import Foundation
import Lab
import Probes

extension ChatLab {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a config and try each chatter once, before running the experiment.",
            discussion: """
                Sends each chatter one greeting and prints its reply and response time, or the error (control \
                characters such as terminal escape sequences shown as \\x1b and the like). Exits with 1 \
                when a chatter failed, so scripts can stop before a long experiment.

                Example: chatlab check config/examples/rest-bot.yaml
                """)

        @Argument(help: "The experiment config (YAML).")
        var config: String

        func run() async throws {
            let experiment = try CLIErrors.reporting { try ExperimentLoader(context: Warnings.context(), services: EncoderSetup.services).load(path: config) }
            // The test sets as 'validate' checks them: a missing folder or a code with no set stops here, not mid-run.
            if let probes = experiment.probes, !probes.settings.enabledCodes.isEmpty {
                let database = try CLIErrors.reporting { try probes.loadTestSets() }
                print("test sets in \(probes.testsets): \(ProbeConfig.setsPerKind(database))")
            }
            var failed = false
            for outcome in await ChatterCheck.run(experiment) {
                let time = String(format: "%.3f s", outcome.seconds)
                if let error = outcome.error {
                    failed = true
                    print("\(outcome.seat) \(outcome.name): FAILED after \(time): \(TerminalText.escaped("\(error)"))")
                } else {
                    print("\(outcome.seat) \(outcome.name): ok in \(time): \(TerminalText.escaped(outcome.reply ?? ""))")
                }
            }
            if failed { throw ExitCode(1) }
        }
    }
}
