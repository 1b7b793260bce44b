import Foundation
import LabCore

/// Stand-in until the real judges land: an open answer passes when the reply holds an accepted answer as a word
/// sequence; a closed answer by its first word.
struct InterimJudge: AnswerJudge {
    func judge(_ item: JudgeItem) -> Judgment {
        let words = item.reply.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        switch item.expected {
        case .text(let answer, let aliases):
            for candidate in [answer] + aliases {
                let target = candidate.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
                if !target.isEmpty, words.count >= target.count,
                    (0...(words.count - target.count)).contains(where: { Array(words[$0..<($0 + target.count)]) == target })
                {
                    return Judgment(verdict: .pass, score: 1, extracted: candidate)
                }
            }
            return Judgment(verdict: .fail, score: 0, extracted: "(no answer)")
        case .yes, .no:
            let said = words.first == "yes" ? "yes" : words.first == "no" ? "no" : "unknown"
            let right = (item.expected == .yes && said == "yes") || (item.expected == .no && said == "no")
            return Judgment(verdict: right ? .pass : .fail, extracted: said)
        case .none:
            return Judgment(verdict: .skipped, extracted: "-")
        }
    }
}
