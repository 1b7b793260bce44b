import LabCore
import Simulation

/// What `chatlab simulate --plan` prints: the combinations the profile's variables make, how many conversations
/// that gives, and each conversation's values, styles and length, without talking to anyone.
public enum SimulationPlanText {
    public static func text(_ profile: Profile, seed: UInt64, count: Int? = nil) -> String {
        let variables = profile.user.variables
        let counts = AssignmentPlanner.combinationCounts(variables)
        let number = count ?? AssignmentPlanner.conversationCount(profile)
        var lines: [String] = ["Profile \(profile.testName) (\(profile.path)), seed \(seed)"]
        for variable in variables {
            let anyNote = variable.anyPrompts.isEmpty ? "" : " + \(variable.anyPrompts.count) any(...) made by the LLM"
            lines.append("  \(variable.name): \(variable.function), \(variable.type), \(variable.values.count) values\(anyNote)")
        }
        for chain in AssignmentPlanner.forwardChains(variables) {
            let sizes = chain.map { name in variables.first { $0.name == name }!.values.count }
            lines.append("  forward chain \(chain.joined(separator: " → ")) (outermost first): "
                + "\(sizes.map(String.init).joined(separator: " × ")) = \(sizes.reduce(1, *)) combinations")
        }
        if counts.pairwise > 0 { lines.append("  pairwise rows: \(counts.pairwise)") }
        lines.append("  combinations: \(max(counts.forward, counts.pairwise)) (forward \(counts.forward), pairwise \(counts.pairwise))")
        lines.append("  number: \(profile.conversation.number) → \(number) conversations")
        lines.append("")
        for setup in ConversationSetup.plan(profile, seed: seed, count: number) {
            let values = setup.assignment.values.map { "\($0.name)=\($0.value)" }.joined(separator: "  ")
            var line = "\(setup.index). \(values)"
            line += "  | styles: \(setup.styles.map(\.description).joined(separator: "; "))"
            if let steps = setup.steps { line += "  | steps: \(steps)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
