import LabCore

/// The turns of one round of a run, looked up once per round instead of searched for in every cell.
struct RoundTurns {
    var round: Int
    var chatter1: Turn?
    var chatter2: Turn?
    /// The fill of a round that carries a probe turn (question yellow, information blue), or `nil`.
    private(set) var probeFill: UInt32?
    /// True when a turn of the round failed.
    private(set) var hasError = false

    init(round: Int) {
        self.round = round
    }

    /// The turn a seat spoke in this round (the first one, as ``Transcript/turn(round:seat:)``).
    func turn(_ seat: Seat) -> Turn? { seat == .chatter1 ? chatter1 : chatter2 }

    /// The round's turns in seat order (made when asked: only probe and error cells need it).
    var turns: [Turn] { [chatter1, chatter2].compactMap { $0 } }

    /// Rounds `1...transcript.roundCount` in order, in one pass over the turns.
    static func index(_ transcript: Transcript) -> [RoundTurns] {
        var rounds = (0..<transcript.roundCount).map { RoundTurns(round: $0 + 1) }
        for turn in transcript.turns where turn.round >= 1 && turn.round <= rounds.count {
            switch turn.seat {
            case .chatter1 where rounds[turn.round - 1].chatter1 == nil: rounds[turn.round - 1].chatter1 = turn
            case .chatter2 where rounds[turn.round - 1].chatter2 == nil: rounds[turn.round - 1].chatter2 = turn
            default: break
            }
        }
        for index in rounds.indices { rounds[index].summarize() }
        return rounds
    }

    /// Fills in what every cell of the row would otherwise work out again.
    private mutating func summarize() {
        let roles = [chatter1?.probe?.role, chatter2?.probe?.role]
        probeFill =
            roles.contains(.question)
            ? ReportStyle.questionFill : roles.contains(.information) ? ReportStyle.informationFill : nil
        hasError = chatter1?.error != nil || chatter2?.error != nil
    }
}

/// What every run sheet of one `report.xlsx` shares: the experiment, which of the three columns per scorer are shown,
/// and the scorer series in order. Known before the first run is written, so runs can be written one at a time.
struct RunLayout {
    var experiment: ExperimentInfo
    var options: ColumnOptions
    var seriesKeys: [SeriesKey]
    var labels: SeriesLabels
    /// The expected answer of each test set by id, as people read it, for the `Expected` column of probe rows.
    var expected: [String: String]

    init(experiment: ExperimentInfo, options: ColumnOptions, seriesKeys: [SeriesKey], expected: [String: String] = [:]) {
        self.experiment = experiment
        self.options = options
        self.seriesKeys = seriesKeys
        self.expected = expected
        labels = SeriesLabels(underTest: experiment.underTest, keys: seriesKeys)
    }

    init(_ analysis: Analysis) {
        self.init(experiment: analysis.experiment, options: analysis.columns, seriesKeys: analysis.seriesKeys)
    }
}
