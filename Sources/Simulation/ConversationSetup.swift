import LabCore

/// What is decided about one simulated conversation before it starts: its variable values, its goal phrases
/// filled in, the interaction styles drawn, and (for `random steps`) its length.
public struct ConversationSetup: Sendable, Hashable {
    /// Conversation number, from 1 (the experiment's run number).
    public var index: Int
    public var assignment: Assignment
    /// The goal phrases with the variables' values in them.
    public var goals: [String]
    public var styles: [InteractionStyle]
    /// User messages before the conversation ends (`steps`, or the `random steps` drawn); `nil` for `all_answered`.
    public var steps: Int?

    /// Makes the setups of conversations 1...count of `profile` from `seed`.
    public static func plan(_ profile: Profile, seed: UInt64, count: Int) -> [ConversationSetup] {
        let assignments = AssignmentPlanner(variables: profile.user.variables, seed: seed).assignments(count: count)
        return assignments.enumerated().map { offset, assignment in
            let index = offset + 1
            var random = SeededRandom(seed: SeededRandom.derive(seed, 0x5354_594C_4553, UInt64(index)))
            var styles = profile.conversation.interaction.fixed
            if let pool = profile.conversation.interaction.randomPool {
                let n = 1 + Int(random.next() % UInt64(pool.count))
                var drawn = pool
                for i in 0..<n { drawn.swapAt(i, i + Int(random.next() % UInt64(pool.count - i))) }
                styles = Array(drawn.prefix(n)) + styles
            }
            var steps: Int?
            switch profile.conversation.goalStyle {
            case .steps(let n): steps = n
            case .randomSteps(let n): steps = 1 + Int(random.next() % UInt64(n))
            case .allAnswered: steps = nil
            }
            let texts = assignment.texts
            return ConversationSetup(index: index, assignment: assignment,
                goals: profile.user.goals.map { GoalsReader.fill($0, texts) }, styles: styles, steps: steps)
        }
    }

    /// The conversation-settings part of its record, in the SENSEI tool's shape.
    func conversationRecord(_ profile: Profile, number: Int) -> JSON {
        let style = profile.conversation.goalStyle.record(steps: steps)
        return .object([
            "interaction_style": .array(styles.map { .string($0.description) }),
            "number": .number(Double(number)),
            style.key: style.value,
        ])
    }
}
