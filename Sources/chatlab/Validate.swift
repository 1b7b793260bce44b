import ArgumentParser
import Lab
import LabCore
import LoadTest
import Probes

extension ChatLab {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check an experiment config (or a load test's `load:` config) without running it.",
            discussion: "Prints what the experiment would do, or the first problem with file:line:column.")

        @Argument(help: "The experiment config (YAML), or a load config (a `load:` mapping).")
        var config: String

        func run() throws {
            if LoadConfigReader.isLoadConfig(config) { return try validateLoad() }
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

        /// A load config: its settings, its prompts and its bot's chatter file are read (nothing is sent).
        private func validateLoad() throws {
            let settings = try CLIErrors.reporting {
                var settings = try LoadConfigReader(services: EncoderSetup.services.scoring).read(path: config)
                try settings.validate()
                return settings
            }
            let reader = PromptReader(fields: settings.fields, maxSamples: settings.maxSamples, seed: settings.seed)
            let prompts = try CLIErrors.reporting { try reader.read(paths: settings.prompts) }
            let bot = try CLIErrors.reporting { try ChatterLoader.load(path: settings.bot!, context: Warnings.context()) }
            print("\(config): ok (load test)")
            print("  \(prompts.count) prompt(s) from \(settings.prompts.joined(separator: ", "))")
            print("  bot: \(bot.chatter)")
            print("  users: \(settings.stepsText ?? "\(settings.connections)"), connections \(settings.connection.rawValue)")
            print("  thresholds: \(settings.thresholds.map(\.text).joined(separator: ", "))")
            print("  scorers: \(settings.scorers.map { "\($0.code) \($0.title)" }.joined(separator: ", "))")
        }
    }
}
