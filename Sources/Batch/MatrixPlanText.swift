import Foundation

/// What `chatlab batch --plan` prints: the matrix's providers and models, its questions per industry, the answers per
/// batch and, with a schedule, every slot and the answers in all.
public enum MatrixPlanText {
    public static func lines(_ matrix: BatchMatrix) -> [String] {
        let models = matrix.providers.reduce(0) { $0 + $1.models.count }
        var lines = ["matrix \(matrix.name) (seed \(matrix.seed))"]
        for provider in matrix.providers {
            let limits = "concurrency \(provider.concurrency)" + (provider.rate.map { ", \($0) requests/s" } ?? "")
            lines.append("  provider \(provider.name) at \(provider.baseURL) (\(limits)): "
                + provider.models.map(\.name).joined(separator: ", "))
        }
        let industries = Dictionary(grouping: matrix.questions, by: \.industry)
        lines.append("  questions: \(matrix.questions.count) ("
            + industries.keys.sorted().map { "\(industries[$0]!.count) \($0)" }.joined(separator: ", ") + ")")
        if matrix.questionsAskedPerBatch < matrix.questions.count {
            lines.append("each batch asks \(matrix.questionsAskedPerBatch) of the \(matrix.questions.count) questions, "
                + "the next \(matrix.questionsAskedPerBatch) at every slot")
        }
        lines.append("answers per batch: \(matrix.questionsAskedPerBatch) questions × \(models) models = "
            + grouped(matrix.answersPerBatch))
        guard let schedule = matrix.schedule else {
            lines.append("no schedule: one batch")
            return lines
        }
        lines.append("schedule: \(schedule.count) slots, one every \(DurationText.format(schedule.every)), missed slots: "
            + schedule.missed.rawValue)
        for slot in 0..<schedule.count {
            lines.append("  slot " + String(slot).leftPadded(3) + "  start + " + DurationText.format(Double(slot) * schedule.every))
        }
        lines.append("in all: \(schedule.count) slots × \(grouped(matrix.answersPerBatch)) answers = "
            + "\(grouped(schedule.count * matrix.answersPerBatch)) answers")
        return lines
    }

    /// `4,480`.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
