import Foundation
import LabCore
import Rules
import Transcripts

/// Checks an experiment's `rules:` on its report folder's conversations and writes `rules.csv` (atomically); the
/// tallies go on to the `Rules` sheets and `summary.json`.
enum RuleStage {
    static let csvName = "rules.csv"

    static func check(_ rules: [Rule], folder: ReportFolder, warn: (String) -> Void) throws -> [RuleTally] {
        guard !rules.isEmpty else { return [] }
        let conversations = try ReportConversations.read(folder: folder, warn: { _ in })
        let tallies = RuleChecker().check(rules, on: conversations)
        try AtomicFile.write(Data(RulesCSV.text(tallies).utf8), to: "\(folder.path)/\(csvName)")
        return tallies
    }
}
