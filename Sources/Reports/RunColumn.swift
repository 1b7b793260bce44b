import LabCore

/// One column of a run sheet in `report.xlsx`: what its header says and what each round's cell holds.
enum RunColumn: Hashable {
    case round
    case utterance(Seat)
    case probeCode, probeSet, probeRole, probeOriginal
    case verdict(SeriesKey)
    case score(SeriesKey)
    case note(SeriesKey)
    /// A number a chatter reported for its turn (`ttft`, `prompt_tokens`, `retries`...), for the seats under test.
    case metric(Seat, String)
    case error

    /// The columns of one run's sheet, left to right. Probe columns appear only when the run has probe turns.
    static func columns(for run: RunAnalysis, in analysis: Analysis) -> [RunColumn] {
        var columns: [RunColumn] = [.round, .utterance(.chatter1), .utterance(.chatter2)]
        if run.transcript.turns.contains(where: { $0.probe != nil }) {
            columns += [.probeCode, .probeSet, .probeRole, .probeOriginal]
        }
        let options = analysis.columns
        for key in analysis.seriesKeys {
            if options.binary { columns.append(.verdict(key)) }
            if options.detailed { columns.append(.score(key)) }
            if options.interpretation { columns.append(.note(key)) }
        }
        for seat in analysis.experiment.underTest {
            let keys = Set(run.transcript.turns(of: seat).flatMap { $0.metrics?.keys.map { $0 } ?? [] })
            columns += keys.sorted().map { .metric(seat, $0) }
        }
        columns.append(.error)
        return columns
    }

    /// Verdict columns keep their pass/fail colours on probe rows.
    var isVerdict: Bool {
        if case .verdict = self { return true }
        return false
    }

    /// The series this column belongs to, if any.
    var seriesKey: SeriesKey? {
        switch self {
        case .verdict(let key), .score(let key), .note(let key): return key
        default: return nil
        }
    }

    func header(_ analysis: Analysis, labels: SeriesLabels) -> String {
        switch self {
        case .round: return "Round"
        case .utterance(let seat): return analysis.experiment.chatters[seat.description] ?? seat.description
        case .probeCode: return "Probe"
        case .probeSet: return "Set"
        case .probeRole: return "Role"
        case .probeOriginal: return "Original"
        case .verdict(let key): return labels.full(key)
        case .score(let key): return labels.full(key) + " score"
        case .note(let key): return labels.full(key) + " note"
        case .metric(let seat, let name): return "\(seat) \(name)"
        case .error: return "Error"
        }
    }

    /// Column width in characters.
    var width: Double {
        switch self {
        case .round: return 7
        case .utterance, .probeOriginal: return 50
        case .probeCode, .probeSet, .probeRole: return 10
        case .verdict: return 16
        case .score, .metric: return 12
        case .note: return 30
        case .error: return 40
        }
    }

    /// The cell of this column for one round of a run.
    func cell(round: Int, in run: RunAnalysis) -> (CellValue, CellStyle) {
        let transcript = run.transcript
        let turns = Seat.allCases.compactMap { transcript.turn(round: round, seat: $0) }
        let probes = turns.compactMap(\.probe)
        switch self {
        case .round:
            return (.integer(round), ReportStyle.body)
        case .utterance(let seat):
            return (.text(transcript.turn(round: round, seat: seat)?.text), ReportStyle.wrapped)
        case .probeCode:
            return (joined(probes.map(\.code)), ReportStyle.body)
        case .probeSet:
            return (joined(probes.map(\.set)), ReportStyle.body)
        case .probeRole:
            return (joined(probes.map(\.role.rawValue)), ReportStyle.body)
        case .probeOriginal:
            return (joined(probes.compactMap(\.original)), ReportStyle.wrapped)
        case .verdict(let key):
            guard let verdict = scoreCell(key, round: round, in: run)?.verdict else { return (.blank, ReportStyle.body) }
            return (.text(verdict.rawValue), Self.style(verdict))
        case .score(let key):
            return (.number(scoreCell(key, round: round, in: run)?.score), ReportStyle.score)
        case .note(let key):
            return (.text(scoreCell(key, round: round, in: run)?.interpretation), ReportStyle.wrapped)
        case .metric(let seat, let name):
            return (.number(transcript.turn(round: round, seat: seat)?.metrics?[name]), ReportStyle.score)
        case .error:
            return (joined(turns.compactMap { $0.error?.description }), ReportStyle.wrapped)
        }
    }

    private func scoreCell(_ key: SeriesKey, round: Int, in run: RunAnalysis) -> ScoreCell? {
        guard let turn = run.transcript.turn(round: round, seat: key.seat) else { return nil }
        return run.series(key)?.result.cells[turn.index]
    }

    private func joined(_ parts: [String]) -> CellValue {
        parts.isEmpty ? .blank : .text(parts.joined(separator: "; "))
    }

    static func style(_ verdict: Verdict) -> CellStyle {
        switch verdict {
        case .pass: return ReportStyle.pass
        case .fail: return ReportStyle.fail
        case .skipped: return ReportStyle.skipped
        }
    }
}
