import LabCore

/// `conversation.goal_style`: when a simulated conversation ends.
public enum GoalStyle: Sendable, Hashable {
    /// After this many user messages.
    case steps(Int)
    /// After k user messages, k drawn from 1...n once per conversation (`random steps: n`).
    case randomSteps(Int)
    /// When every goal is answered and every output extracted, or after `limit` user messages.
    case allAnswered(export: Bool, limit: Int)

    /// The style as the conversation record shows it (SENSEI's shape), with the steps drawn for `random steps`.
    func record(steps drawn: Int?) -> (key: String, value: JSON) {
        switch self {
        case .steps(let n): return ("steps", .number(Double(n)))
        case .randomSteps: return ("steps", .number(Double(drawn ?? 0)))
        case .allAnswered(let export, let limit):
            return ("all_answered", .object(["export": .bool(export), "limit": .number(Double(limit))]))
        }
    }

    /// The most user messages a conversation in this style can have.
    public var maxUserTurns: Int {
        switch self {
        case .steps(let n), .randomSteps(let n): return n
        case .allAnswered(_, let limit): return limit
        }
    }
}
