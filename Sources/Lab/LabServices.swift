import LabCore
import Scoring

/// The services an experiment is run and scored with, handed in by the caller (the CLI makes the real ones; tests
/// their own): the sentence encoder for scorers that compare meaning, and the clock that dates the records.
/// The logger is handed to the runners directly.
public struct LabServices: Sendable {
    public var scoring: ScoringServices
    public var clock: any LabClock

    public init(scoring: ScoringServices = ScoringServices(), clock: any LabClock = SystemClock()) {
        self.scoring = scoring
        self.clock = clock
    }
}
