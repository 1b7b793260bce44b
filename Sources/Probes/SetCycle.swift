import LabCore

/// The test sets one code uses in a run, handed out in a shuffled order that starts again when all were used.
struct SetCycle {
    let sets: [TestSet]
    private var order: [Int] = []

    init(sets: [TestSet]) {
        self.sets = sets
    }

    mutating func next(_ random: inout SeededRandom) -> TestSet? {
        guard !sets.isEmpty else { return nil }
        if order.isEmpty {
            order = Array(sets.indices)
            order.shuffle(using: &random)
        }
        return sets[order.removeLast()]
    }
}
