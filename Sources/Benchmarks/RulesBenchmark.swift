import Foundation
import LabCore
import Rules

/// `chatlab bench rules`: checks 20 oracle rules on N generated SENSEI-shaped conversations with ChatLab's rule
/// language, and the same expressions with CPython's `eval` on the same conversations (scripts/bench_rules_python.py),
/// in the same run.
public enum RulesBenchmark {
    /// The 20 rules: valid Python and valid rule language, using the helpers both sides define.
    public static let expressions = [
        "extract_float(price) >= 10", "currency(price) == 'USD'", "len(toppings) <= 4",
        "drink in ['coke', 'water', 'beer']", "cans >= 0 and cans < 10", "order_id is not None",
        "len(chatbot_phrases) == len(user_phrases)", "all(len(p) < 200 for p in chatbot_phrases)",
        "any('order' in p for p in chatbot_phrases)", "not [p for p in chatbot_phrases if 'error' in p.lower()]",
        "extract_float(price) * cans < 1000", "str(order_id).startswith('A')", "sum(len(p) for p in user_phrases) > 10",
        "size[0] in ['small', 'medium', 'large']", "steps == 4", "'cheese' in toppings or len(toppings) > 1",
        "max(len(p) for p in chatbot_phrases) > 10", "f'{extract_float(price):.2f}' != '0.00'",
        "data_collected() or order_id is None", "interaction[0]['User'].lower().startswith('hello')",
    ]

    public struct Result: Sendable {
        public var conversations: Int
        public var rules: Int
        public var seconds: Double
        public var outcomes: [String: Int]
        public var checksPerSecond: Double { Double(conversations * rules) / seconds }
    }

    public static func conversations(_ count: Int) -> [RuleVariables] {
        (0..<count).map { FuzzSample.conversation($0) }
    }

    /// Checks the rules on `conversations` with ChatLab, timing the checking only (parsing included).
    public static func measure(_ conversations: [RuleVariables]) throws -> Result {
        let start = Date()
        let rules = try expressions.enumerated().map { index, text in
            Rule(name: "r\(index + 1)", oracle: try RuleBody(text))
        }
        let tallies = RuleChecker().check(rules, on: conversations)
        let seconds = Date().timeIntervalSince(start)
        var outcomes: [String: Int] = [:]
        for tally in tallies where tally.scope != "built-in" {
            outcomes["pass", default: 0] += tally.pass
            outcomes["fail", default: 0] += tally.fail
            outcomes["error", default: 0] += tally.errors
            outcomes["not applicable", default: 0] += tally.notApplicable
        }
        return Result(conversations: conversations.count, rules: rules.count, seconds: seconds, outcomes: outcomes)
    }

    /// The conversations and expressions as JSON for the Python side (records left out).
    public static func exportJSON(_ conversations: [RuleVariables]) -> Data {
        let rows = conversations.map { conversation in
            JSON.object(conversation.values.filter { $0.key != "conv" }.mapValues(json))
        }
        return Data(JSON.object(["conversations": .array(rows), "rules": .array(expressions.map { .string($0) })]).text.utf8)
    }

    private static func json(_ value: RuleValue) -> JSON {
        switch value {
        case .none, .record, .function: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .number(Double(number))
        case .double(let number): return .number(number)
        case .string(let text): return .string(text)
        case .list(let items): return .array(items.map(json))
        case .dict(let dict): return .object(Dictionary(zip(dict.keys.map(\.text), dict.values.map(json)), uniquingKeysWith: { a, _ in a }))
        }
    }
}
