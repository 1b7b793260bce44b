import LabCore

/// One column of a run sheet in `report.xlsx`: what its header says and what each round's cell holds.
enum RunColumn: Hashable {
    case round
    case utterance(Seat)
    case probeCode, probeSet, probeRole, probeLevel, probeExpected, probeOriginal
    case verdict(SeriesKey)
    case score(SeriesKey)
    case note(SeriesKey)
    /// A number a chatter reported for its turn (`ttft`, `prompt_tokens`, `retries`...), for the seats under test.
    case metric(Seat, String)
    /// The structured data a chatter's reply carried (``Turn/data``), as compact JSON text, for every seat with data.
    case data(Seat)
    case error

    /// The columns of one run's sheet, left to right. Probe columns appear only when the run has probe turns (the
    /// level column only when a probe was perturbed, the expected column when the test sets are known). A check gets its verdict, score and note columns only when it
    /// judged a turn of this run (its score and note columns only when it gave a number or a note), so checks that
    /// had nothing to judge leave no empty columns; the error column only when a turn failed.
    static func columns(for run: RunAnalysis, layout: RunLayout) -> [RunColumn] {
        var columns: [RunColumn] = [.round, .utterance(.chatter1), .utterance(.chatter2)]
        let probes = run.transcript.turns.compactMap(\.probe)
        if !probes.isEmpty {
            columns += [.probeCode, .probeSet, .probeRole]
            if probes.contains(where: { $0.perturbation?["bucket"] != nil }) { columns.append(.probeLevel) }
            if !layout.expected.isEmpty { columns.append(.probeExpected) }
            columns.append(.probeOriginal)
        }
        let options = layout.options
        for key in layout.seriesKeys {
            guard let cells = run.series(key)?.result.cells.values, !cells.isEmpty else { continue }
            if options.binary { columns.append(.verdict(key)) }
            if options.detailed, cells.contains(where: { $0.score != nil }) { columns.append(.score(key)) }
            if options.interpretation, cells.contains(where: { $0.interpretation != nil }) { columns.append(.note(key)) }
        }
        for seat in layout.experiment.underTest {
            let keys = Set(run.transcript.turns(of: seat).flatMap { $0.metrics?.keys.map { $0 } ?? [] })
            columns += keys.sorted().map { .metric(seat, $0) }
        }
        for seat in Seat.allCases where run.transcript.turns.contains(where: { $0.seat == seat && $0.data != nil }) {
            columns.append(.data(seat))
        }
        if run.transcript.turns.contains(where: { $0.error != nil }) { columns.append(.error) }
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

    func header(_ layout: RunLayout) -> String {
        let labels = layout.labels
        switch self {
        case .round: return "Round"
        case .utterance(let seat): return layout.experiment.chatters[seat.description] ?? seat.description
        case .probeCode: return "Probe"
        case .probeSet: return "Set"
        case .probeRole: return "Role"
        case .probeLevel: return "Level"
        case .probeExpected: return "Expected"
        case .probeOriginal: return "Original"
        case .verdict(let key): return labels.full(key)
        case .score(let key): return labels.full(key) + " score"
        case .note(let key): return labels.full(key) + " note"
        case .metric(let seat, let name): return "\(seat) \(name)"
        case .data(let seat): return "\(seat) data"
        case .error: return "Error"
        }
    }

    /// Column width in characters.
    var width: Double {
        switch self {
        case .round: return 7
        case .utterance, .probeOriginal: return 50
        case .probeCode, .probeSet, .probeRole, .probeLevel: return 10
        case .probeExpected: return 24
        case .verdict: return 16
        case .score, .metric: return 12
        case .note: return 30
        case .data, .error: return 40
        }
    }

    /// The cell of this column for one round of a run; `result` is the score result of the column's series, `layout`
    /// gives the test sets' expected answers.
    func cell(_ round: RoundTurns, result: ScoreResult?, layout: RunLayout) -> (CellValue, CellStyle) {
        switch self {
        case .round:
            return (.integer(round.round), ReportStyle.body)
        case .utterance(let seat):
            return (.text(round.turn(seat)?.text), ReportStyle.wrapped)
        case .probeCode:
            return (joined(round.turns.compactMap { $0.probe?.code }), ReportStyle.body)
        case .probeSet:
            return (joined(round.turns.compactMap { $0.probe?.set }), ReportStyle.body)
        case .probeRole:
            return (joined(round.turns.compactMap { $0.probe?.role.rawValue }), ReportStyle.body)
        case .probeLevel:
            let levels = round.turns.compactMap { $0.probe?.perturbation?["bucket"] }
            return (levels.first.map { .number($0) } ?? .blank, ReportStyle.body)
        case .probeExpected:
            let questions = round.turns.compactMap { $0.probe }.filter { $0.role == .question }
            return (joined(questions.compactMap { layout.expected[$0.set] }), ReportStyle.wrapped)
        case .probeOriginal:
            return (joined(round.turns.compactMap { $0.probe?.original }), ReportStyle.wrapped)
        case .verdict(let key):
            guard let verdict = scoreCell(key, round, result)?.verdict else { return (.blank, ReportStyle.body) }
            return (.text(verdict.rawValue), Self.style(verdict))
        case .score(let key):
            return (.number(scoreCell(key, round, result)?.score), ReportStyle.score)
        case .note(let key):
            return (.text(scoreCell(key, round, result)?.interpretation), ReportStyle.wrapped)
        case .metric(let seat, let name):
            return (.number(round.turn(seat)?.metrics?[name]), ReportStyle.score)
        case .data(let seat):
            return (.text(round.turn(seat)?.data.map { JSON.object($0).text }), ReportStyle.wrapped)
        case .error:
            guard round.hasError else { return (.blank, ReportStyle.wrapped) }
            return (joined(round.turns.compactMap { $0.error?.description }), ReportStyle.wrapped)
        }
    }

    private func scoreCell(_ key: SeriesKey, _ round: RoundTurns, _ result: ScoreResult?) -> ScoreCell? {
        guard let result, let turn = round.turn(key.seat) else { return nil }
        return result.cells[turn.index]
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
