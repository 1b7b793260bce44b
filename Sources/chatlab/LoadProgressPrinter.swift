import Foundation
import LoadTest
import Synchronization

/// The progress line of `chatlab load` on a terminal, redrawn at most twice a second: users, sent, answered, errors,
/// the rate over the last interval and the p95 latency so far. Nothing when standard output is not a terminal.
final class LoadProgressPrinter: Sendable {
    let isTerminal: Bool
    private let state = Mutex(State())

    private struct State {
        var histogram = LatencyHistogram()
        var lastDraw = ContinuousClock.now
        var sentAtLastDraw = 0
    }

    init(quiet: Bool) {
        isTerminal = !quiet && isatty(STDOUT_FILENO) != 0
    }

    func update(_ progress: LoadProgress) {
        guard isTerminal else { return }
        let line: String? = state.withLock { state in
            if progress.lastAnswered { state.histogram.record(seconds: progress.lastLatency) }
            let now = ContinuousClock.now
            let elapsed = (now - state.lastDraw) / .seconds(1)
            guard elapsed >= 0.5 else { return nil }
            let rate = Double(progress.sent - state.sentAtLastDraw) / elapsed
            state.lastDraw = now
            state.sentAtLastDraw = progress.sent
            return String(format: "\r\u{1B}[Kusers %d  sent %d  answered %d  errors %d  %.0f/s  p95 %.1f ms",
                          progress.users, progress.sent, progress.answered, progress.errors, rate,
                          state.histogram.summary.p95)
        }
        if let line { FileHandle.standardOutput.write(Data(line.utf8)) }
    }

    /// Clears the line before the results are printed, and starts a new histogram (for the next step).
    func finish() {
        guard isTerminal else { return }
        state.withLock { $0 = State() }
        FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8))
    }
}
