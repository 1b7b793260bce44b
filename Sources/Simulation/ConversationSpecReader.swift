import Foundation
import LabCore
import LabYAML

/// Reads `conversation: {number, goal_style, interaction_style, max_cost}`.
enum ConversationSpecReader {
    static let keys = ["number", "goal_style", "interaction_style", "max_cost"]
    static let styleNames = ["long phrases", "change your mind", "change language", "make spelling mistakes",
        "single question", "all questions", "default", "random"]

    static func read(_ value: YAMLValue, warnings: inout [String]) throws -> ConversationSpec {
        let map = try value.mapping("conversation", allowed: keys)
        let number = try readNumber(map.required("number"), warnings: &warnings)
        var perConversation: Double?
        let goalStyle = try readGoalStyle(map.required("goal_style"), maxCost: &perConversation, warnings: &warnings)
        let interaction = try map["interaction_style"].map { try readInteraction($0, warnings: &warnings) }
            ?? InteractionPlan(fixed: [.plain])
        return ConversationSpec(number: number, goalStyle: goalStyle, interaction: interaction,
            maxCost: try map["max_cost"]?.double(in: 0...1e9), maxCostPerConversation: perConversation)
    }

    static func readNumber(_ value: YAMLValue, warnings: inout [String]) throws -> ConversationNumber {
        if value.isPlainInt { return .count(try value.int(in: 1...100_000)) }
        let text = try value.string().replacingOccurrences(of: " ", with: "")
        let fix = "Write a count (e.g. 5), all_combinations, combinations, combinations(0.5), "
            + "combinations(0.5, forward) or sample(0.5)."
        switch text {
        case "all_combinations":
            warnings.append("\(value.location): warning: 'all_combinations' is the older name of 'combinations'")
            return .allCombinations
        case "combinations": return .allCombinations
        default: break
        }
        for prefix in ["sample(", "combinations("] where text.hasPrefix(prefix) && text.hasSuffix(")") {
            let inside = text.dropFirst(prefix.count).dropLast().split(separator: ",", omittingEmptySubsequences: false)
            guard (1...2).contains(inside.count), let share = Double(inside[0]), share > 0, share <= 1 else {
                throw value.badValue("is '\(Excerpt.of(text))', whose share is not a number in (0, 1]", fix: fix)
            }
            var source: ConversationNumber.CombinationSource?
            if inside.count == 2 {
                guard prefix == "combinations(", let named = ConversationNumber.CombinationSource(rawValue: String(inside[1])) else {
                    throw value.badValue("is '\(Excerpt.of(text))'", fix: fix)
                }
                source = named
            }
            if prefix == "sample(" {
                warnings.append("\(value.location): warning: 'sample(p)' is the older name of 'combinations(p)'")
            }
            return .share(share, source: source)
        }
        throw value.badValue("is '\(Excerpt.of(text))'", fix: fix)
    }

    static func readGoalStyle(_ value: YAMLValue, maxCost: inout Double?, warnings: inout [String]) throws -> GoalStyle {
        if !value.isMapping {
            let word = try value.string()
            guard word == "default" else {
                throw value.badValue("is '\(Excerpt.of(word))'", fix: "Write '{steps: N}', '{random steps: N}', '{all_answered: {limit: N}}' or 'default'.")
            }
            return .allAnswered(export: false, limit: 30)
        }
        let map = try value.mapping("goal_style", allowed: ["steps", "random steps", "random_steps", "all_answered", "default", "max_cost"])
        maxCost = try map["max_cost"]?.double(in: 0...1e9)
        let styles = map.keys.filter { $0 != "max_cost" }
        guard styles.count == 1, let key = styles.first else {
            throw value.badValue("gives \(styles.isEmpty ? "no" : "\(styles.count)") goal styles",
                fix: "Give exactly one of steps, random steps, all_answered, default.")
        }
        let entry = map[key]
        switch key {
        case "steps":
            return .steps(try (entry ?? value).int(in: 1...1_000))
        case "random steps", "random_steps":
            if key == "random_steps", let keyNode = map.keyNode(key) {
                warnings.append("\(keyNode.location): warning: 'random_steps' is spelled 'random steps' (with a space) in "
                    + "the SENSEI tool, which rejects this spelling")
            }
            return .randomSteps(try (entry ?? value).int(in: 1...1_000))
        default:
            guard let entry else { return .allAnswered(export: false, limit: 30) }
            let fields = try entry.mapping(key, allowed: ["export", "limit"])
            return .allAnswered(export: try fields["export"]?.bool() ?? false,
                limit: try fields["limit"]?.int(in: 1...1_000) ?? 30)
        }
    }

    static func readInteraction(_ value: YAMLValue, warnings: inout [String]) throws -> InteractionPlan {
        let items = value.isList ? try value.list() : [value]
        var fixed: [InteractionStyle] = []
        var pool: [InteractionStyle]?
        for (index, item) in items.enumerated() {
            if item.isMapping {
                let map = try item.mapping("an interaction style", allowed: ["random", "change language"])
                if let list = map["random"] {
                    guard index == 0 else {
                        throw item.badValue("is a 'random' entry that is not the first", fix: "Put '- random: [...]' first in the list.")
                    }
                    pool = try list.list().map { try style($0, warnings: &warnings) }
                    guard !(pool ?? []).isEmpty else { throw list.badValue("is empty", fix: "List the styles to draw from.") }
                    continue
                }
            }
            fixed.append(try style(item, warnings: &warnings))
        }
        if fixed.isEmpty, pool == nil { fixed = [.plain] }
        return InteractionPlan(fixed: fixed, randomPool: pool)
    }

    static func style(_ item: YAMLValue, warnings: inout [String]) throws -> InteractionStyle {
        if item.isMapping {
            let map = try item.mapping("an interaction style", allowed: ["change language"])
            let list = try map.required("change language")
            let languages = try list.nonEmptyStringList().map { Languages.canonical($0) ?? $0 }
            return .changeLanguage(languages)
        }
        let name = try item.nonEmptyString()
        switch name.lowercased() {
        case "long phrases": return .longPhrases
        case "long phrase":
            warnings.append("\(item.location): warning: 'long phrase' is spelled 'long phrases' in the SENSEI tool's code")
            return .longPhrases
        case "change your mind": return .changeYourMind
        case "make spelling mistakes": return .spellingMistakes
        case "single question", "single questions": return .singleQuestion
        case "all questions": return .allQuestions
        case "default": return .plain
        case "change language":
            throw item.badValue("names no languages", fix: "Write '- change language: [italian, spanish]'.")
        default:
            let hint = Suggestion.nearest(to: name, in: styleNames).map { "Did you mean '\($0)'? " } ?? ""
            throw item.badValue("is '\(Excerpt.of(name))', which is not an interaction style",
                fix: "\(hint)Use one of \(styleNames.joined(separator: ", ")).")
        }
    }

    /// A `number` that counts combinations needs some to count, and not too many; `pairwise()` variables may not
    /// make more pairs than ChatLab covers.
    static func checkNumber(_ profile: Profile, value: YAMLValue) throws {
        let map = try value.mapping("conversation")
        let pairs = AssignmentPlanner.pairCount(profile.user.variables)
        if pairs > AssignmentPlanner.maxPairs {
            throw try map.required("number").badValue(
                "comes with pairwise() variables that make \(pairs) value pairs, more than ChatLab covers (\(AssignmentPlanner.maxPairs))",
                fix: "Give the pairwise() variables fewer values.")
        }
        let count = AssignmentPlanner.conversationCount(profile)
        if count > AssignmentPlanner.maxConversations {
            throw try map.required("number").badValue(
                "asks for \(count == Int.max ? "more than \(Int.max)" : "\(count)") conversations",
                fix: "Ask for at most \(AssignmentPlanner.maxConversations): a count, or a smaller share such as combinations(0.1).")
        }
        guard case .count = profile.conversation.number else {
            let counts = AssignmentPlanner.combinationCounts(profile.user.variables)
            if max(counts.forward, counts.pairwise) == 0 {
                throw try map.required("number").badValue(
                    "counts combinations, but no forward(x) chain or pairwise() variable makes any",
                    fix: "Give a number of conversations, or nest forward() variables (e.g. 'cans: {function: forward(drink), ...}').")
            }
            return
        }
    }
}
