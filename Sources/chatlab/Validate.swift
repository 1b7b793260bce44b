import ArgumentParser
import Lab

extension ChatLab {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check an experiment config without running it.",
            discussion: "Prints what the experiment would do, or the first problem with file:line:column.")

        @Argument(help: "The experiment config (YAML).")
        var config: String

        func run() throws {
            let experiment = try CLIErrors.reporting { try ExperimentLoader(services: EncoderSetup.services).load(path: config) }
            print("\(config): ok")
            print("  \(experiment.runs) run(s) × \(experiment.rounds) round(s), seed \(experiment.seed)")
            for seat in [experiment.firstSpeaker, experiment.firstSpeaker.other] {
                print("  \(seat): \(experiment.chatter(seat).label)")
            }
            print("  under test: \(experiment.underTest.map(\.description).joined(separator: ", "))")
            print("  scorers: \(experiment.scorers.map { "\($0.code) \($0.title)" }.joined(separator: ", "))")
        }
    }
}
