import LabCore

/// Scores runs several at a time and hands them back in run order, each as soon as it and all before it are done.
///
/// At most `width` runs are loaded and scored at once, so memory holds a window of runs, never the experiment.
struct RunScoring {
    let analyzer: Analyzer
    /// How many runs are scored at once.
    let width: Int

    /// Loads (`load`), scores and delivers (`deliver`, in ascending run order) every run in `runs`.
    func score(
        _ runs: [Int], load: @escaping @Sendable (Int) async throws -> (Transcript, UInt64, ProbePlan?),
        deliver: (RunAnalysis) async throws -> Void
    ) async throws {
        let analyzer = self.analyzer
        try await withThrowingTaskGroup(of: RunAnalysis.self) { group in
            var queue = runs[...]
            var ready: [Int: RunAnalysis] = [:]
            var next = runs.startIndex
            func startNext() {
                guard let run = queue.popFirst() else { return }
                group.addTask {
                    let (transcript, seed, plan) = try await load(run)
                    return await analyzer.analyze(transcript, seed: seed, plan: plan)
                }
            }
            for _ in 0..<max(1, width) { startNext() }
            for try await analysis in group {
                ready[analysis.run] = analysis
                while next < runs.endIndex, let due = ready.removeValue(forKey: runs[next]) {
                    try await deliver(due)
                    next += 1
                    startNext()
                }
            }
        }
    }
}
