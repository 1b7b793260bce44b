import Reports
import Scoring

extension CalibrationWorkbook.Input {
    /// `report` as the calibration workbook shows it: per judge a row for all items, then one per kind (sorted by
    /// name); the best threshold on the "all" row.
    public init(_ report: CalibrationReport) {
        var judges: [JudgeRow] = []
        for judge in report.judges {
            let kinds = [("all", judge.overall)] + judge.kinds.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            for (kind, metrics) in kinds {
                let best = kind == "all" ? judge.bestThreshold : nil
                judges.append(JudgeRow(
                    judge: judge.name, kind: kind, items: metrics.items, accuracy: metrics.accuracy,
                    precision: metrics.precision, recall: metrics.recall,
                    truePass: metrics.confusion.truePositives, falsePass: metrics.confusion.falsePositives,
                    trueFail: metrics.confusion.trueNegatives, falseFail: metrics.confusion.falseNegatives,
                    bestThreshold: best?.threshold, accuracyAtThreshold: best?.accuracy, summary: judge.summary))
            }
        }
        let mistakes = report.judges.flatMap { judge in
            judge.mistakes.map {
                MistakeRow(
                    judge: judge.name, source: $0.source, kind: $0.kind.rawValue, question: $0.question,
                    expected: $0.expected, reply: $0.reply, label: $0.label.rawValue, verdict: $0.verdict.rawValue,
                    extracted: $0.extracted, score: $0.score)
            }
        }
        self.init(judges: judges, mistakes: mistakes, skipped: report.skipped)
    }
}
