import Foundation
import Lab
import LabCore

/// Prints an experiment's progress and its score table.
struct ProgressPrinter: Sendable {
    let quiet: Bool

    func header(_ experiment: Experiment) {
        guard !quiet else { return }
        let first = experiment.chatter(experiment.firstSpeaker)
        let second = experiment.chatter(experiment.firstSpeaker.other)
        print("ChatLab \(ChatLabVersion.current): \(experiment.name), seed \(experiment.seed), "
            + "\(experiment.runs) run(s) × \(experiment.rounds) round(s)")
        print("  \(experiment.firstSpeaker): \(first.label)")
        print("  \(experiment.firstSpeaker.other): \(second.label)")
    }

    func handle(_ event: LabProgress) {
        switch event {
        case .started(let folder, _):
            if !quiet { print("report folder: \(folder)") }
        case .runFinished(let run, let turns, let errors, let seconds):
            if !quiet {
                print(String(format: "run %d: %d turns, %d errors, %.2f s", run, turns, errors, seconds))
            }
        case .turn, .analyzing:
            break
        }
    }

    func footer(_ analysis: Analysis, folder: ReportFolder) {
        if quiet {
            print(folder.path)
            return
        }
        print("")
        print(ScoreTable.render(analysis))
        print("")
        print("reports:")
        for path in [folder.runWorkbook, folder.summaryWorkbook, folder.summaryJSON, folder.transcripts + "/"] {
            print("  \(path)")
        }
    }
}
