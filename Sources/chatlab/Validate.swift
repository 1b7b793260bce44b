import ArgumentParser
import Lab
import Probes

extension ChatLab {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check an experiment config without running it.",
            discussion: "Prints what the experiment would do, or the first problem with file:line:column.")

        @Argument(help: "The experiment config (YAML).")
        var config: String

        func run() throws {
            let experiment = try CLIErrors.reporting { try ExperimentLoader(context: Warnings.context(), services: EncoderSetup.services).load(path: config) }
            let probes = experiment.probes.flatMap { $0.settings.enabledCodes.isEmpty ? nil : $0 }
            // The test sets too: a folder with no set for an enabled code would turn that code off silently.
            let database = try probes.map { probes in try CLIErrors.reporting { try probes.loadTestSets() } }
            print("\(config): ok")
            print("  \(experiment.runs) run(s) × \(experiment.rounds) round(s), seed \(experiment.seed)")
            for seat in [experiment.firstSpeaker, experiment.firstSpeaker.other] {
                print("  \(seat): \(experiment.chatter(seat).label)")
            }
            print("  under test: \(experiment.underTest.map(\.description).joined(separator: ", "))")
            print("  scorers: \(experiment.scorers.map { "\($0.code) \($0.title)" }.joined(separator: ", "))")
            if let probes, let database {
                print("  probes: \(probes.settings.enabledCodes.count) code(s), \(database.sets.count) test sets in \(probes.testsets)")
                print("  test sets per kind: \(ProbeConfig.setsPerKind(database))")
            }
        }
    }
}
