/// The turns of one run, in the order they happened.
public struct Transcript: Sendable, Hashable {
    public var run: Int
    public var turns: [Turn]

    public init(run: Int, turns: [Turn] = []) {
        self.run = run
        self.turns = turns
    }

    /// The number of rounds that have at least one turn.
    public var roundCount: Int { turns.map(\.round).max() ?? 0 }

    /// The turns spoken by one seat, in order.
    public func turns(of seat: Seat) -> [Turn] { turns.filter { $0.seat == seat } }

    /// The turn a seat spoke in a round, if any.
    public func turn(round: Int, seat: Seat) -> Turn? {
        turns.first { $0.round == round && $0.seat == seat }
    }
}
