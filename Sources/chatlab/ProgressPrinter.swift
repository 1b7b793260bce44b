import Foundation
import Lab
import LabCore
import Transcripts
import Synchronization

/// Prints an experiment's progress and its score table. On a terminal a one-line bar is redrawn in place (runs done,
/// turns per second, errors, time left); otherwise a plain line per finished run.
final class ProgressPrinter: Sendable {
    let quiet: Bool
    let isTerminal: Bool
    private let state = Mutex(State())

    private struct State {
        var runs = 0
        var done = 0
        var turns = 0
        var errors = 0
        var started = ContinuousClock.now
        var lastDraw = ContinuousClock.now
    }

    /// `bar: false` keeps the terminal free for a person typing (a human chatter).
    init(quiet: Bool, bar: Bool = true) {
        self.quiet = quiet
        isTerminal = bar && isatty(STDOUT_FILENO) != 0
    }

    func header(_ experiment: Experiment) {
        guard !quiet else { return }
        let first = experiment.chatter(experiment.firstSpeaker)
        let second = experiment.chatter(experiment.firstSpeaker.other)
        print("ChatLab \(ChatLabVersion.current): \(experiment.name), seed \(experiment.seed), "
            + "\(experiment.runs) run(s) × \(experiment.rounds) round(s)"
            + (experiment.concurrency > 1 ? ", \(experiment.concurrency) at a time" : ""))
        print("  \(experiment.firstSpeaker): \(first.label)")
        print("  \(experiment.firstSpeaker.other): \(second.label)")
    }

    func handle(_ event: LabProgress) {
        guard !quiet else { return }
        switch event {
        case .started(let folder, let runs, let done):
            state.withLock {
                $0.runs = runs
                $0.done = done
                $0.started = .now
            }
            print("report folder: \(folder)" + (done > 0 ? " (resuming: \(done) of \(runs) runs were complete)" : ""))
        case .turn(_, _, let failed):
            let line: String? = state.withLock { state in
                state.turns += 1
                if failed { state.errors += 1 }
                guard isTerminal, ContinuousClock.now - state.lastDraw > .milliseconds(100) else { return nil }
                state.lastDraw = .now
                return Self.bar(state)
            }
            if let line { draw(line) }
        case .runFinished(let run, let turns, let errors, let seconds):
            let line = state.withLock { state -> String in
                state.done += 1
                return isTerminal ? Self.bar(state)
                    : String(format: "run %d: %d turns, %d errors, %.2f s (%d/%d done)", run, turns, errors, seconds,
                        state.done, state.runs)
            }
            isTerminal ? draw(line) : print(line)
        case .resumedRun(let run, let kept, let reason):
            if isTerminal { draw("") }
            if let reason {
                print("run \(run): starting again from round 1, because \(reason)")
            } else {
                print("run \(run): continuing the interrupted conversation from round \(kept / 2 + 1), after its "
                    + "\(kept) saved turns")
            }
        case .analyzing:
            if isTerminal { print("") }
        case .warning(let message):
            if isTerminal { draw("") }
            Self.warn(message)
        }
    }

    /// Prints a warning on standard error.
    static func warn(_ message: String) {
        let line = message.contains("warning:") ? message : "warning: \(message)"
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    private func draw(_ line: String) {
        FileHandle.standardOutput.write(Data(("\r" + line + "\u{1B}[K").utf8))
    }

    private static func bar(_ state: State) -> String {
        let width = 24
        let fraction = state.runs == 0 ? 0 : Double(state.done) / Double(state.runs)
        let filled = Int(fraction * Double(width))
        let elapsed = (ContinuousClock.now - state.started).seconds
        let rate = elapsed > 0 ? Double(state.turns) / elapsed : 0
        let eta = fraction > 0 && fraction < 1 ? String(format: " · ETA %.0f s", elapsed / fraction - elapsed) : ""
        return "[" + String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled) + "] "
            + String(format: "%d/%d runs · %.1f turns/s · %d errors", state.done, state.runs, rate, state.errors) + eta
    }

    /// - Parameter transcripts: where the scored transcripts are, when not in `folder` (`analyze --out`).
    func footer(_ analysis: Analysis, folder: ReportFolder, transcripts: ReportFolder? = nil) {
        if quiet {
            print(folder.path)
            return
        }
        print("")
        print(ScoreTable.render(analysis))
        print("")
        if let usage = UsageTable.render(analysis) {
            print(usage)
            print("")
        }
        print("reports:")
        for path in [folder.runWorkbook, folder.summaryWorkbook, folder.summaryJSON, (transcripts ?? folder).transcripts + "/"] {
            print("  \(path)")
        }
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
