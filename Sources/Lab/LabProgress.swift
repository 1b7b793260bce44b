/// What the lab tells its caller while an experiment runs (the command line turns it into progress lines).
public enum LabProgress: Sendable {
    /// The report folder is ready; `done` runs were already complete (when resuming).
    case started(folder: String, runs: Int, done: Int)
    /// An interrupted run is taken up again (`run --resume`): it continues after `keptTurns` saved turns, or, with
    /// a `restartReason`, starts again from round 1.
    case resumedRun(run: Int, keptTurns: Int, restartReason: String?)
    /// A turn was recorded.
    case turn(run: Int, round: Int, failed: Bool)
    /// A run's conversation finished.
    case runFinished(run: Int, turns: Int, errors: Int, seconds: Double)
    /// Scores are being computed and reports written.
    case analyzing
    /// Something worth telling the user that did not stop the experiment (a transcript's last line cut short by a
    /// crash, a text cut to a cell's limit, a `-latest` name that is not ChatLab's link...).
    case warning(String)
}
