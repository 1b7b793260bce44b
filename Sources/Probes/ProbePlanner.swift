import LabCore

/// Decides, before a run, which rounds carry which probe, from which set, in which variant and with which
/// perturbation — all from the run's seed, so the same seed gives the same plan.
///
/// For each round from `firstRound` on, one uniform draw against the cumulative probabilities picks at most one code
/// (a code is eligible in a round only if its whole probe would fit before the last round). A drawn probe reserves
/// every round it needs before it is placed; when a round it needs is taken, it waits for the next round where all
/// of them are free. Nothing is overwritten or cut; a probe that finds no room before the end is reported as
/// unplaced, never silently dropped.
public struct ProbePlanner: Sendable {
    public let settings: ProbeSettings
    public let database: TestSetDatabase
    public let augmenter: SynonymAugmenter?

    public init(settings: ProbeSettings, database: TestSetDatabase, augmenter: SynonymAugmenter? = nil) {
        self.settings = settings
        self.database = database
        self.augmenter = augmenter
    }

    /// The plan of one run of `rounds` rounds.
    public func plan(run: Int, rounds: Int, seed: UInt64) -> ProbePlan {
        var random = SeededRandom(seed: SeededRandom.derive(seed, 0x504C_414E))  // "PLAN"
        let chosenSets = chooseSets(&random)
        var plan = ProbePlan(run: run)
        var taken = Set<Int>()
        var waiting: [(probe: DrawnProbe, drawnIn: Int)] = []
        let codes = settings.enabledCodes
        guard settings.firstRound <= rounds else { return plan }
        for round in settings.firstRound...rounds {
            let roll = random.nextUnit()
            var cumulative = 0.0
            for code in codes {
                cumulative += settings.probabilities[code] ?? 0
                guard roll < cumulative else { continue }
                if let sets = chosenSets[code], !sets.isEmpty,
                    round + span(of: code) - 1 <= rounds
                {
                    let set = sets.randomElement(using: &random)!
                    waiting.append((draw(code, set, &random), round))
                }
                break
            }
            waiting.removeAll { item in
                let offsets = item.probe.turns.map(\.offset)
                guard offsets.allSatisfy({ !taken.contains(round + $0) && round + $0 <= rounds }) else { return false }
                offsets.forEach { taken.insert(round + $0) }
                plan.probes.append(item.probe.placed(at: round))
                return true
            }
        }
        plan.unplaced = waiting.map {
            UnplacedProbe(code: $0.probe.code.rawValue, set: $0.probe.set.id, round: $0.drawnIn,
                reason: "no free rounds left before round \(rounds)")
        }
        return plan
    }

    /// How many rounds a probe of this code spans at most (for ML-I1, with the longest distance).
    func span(of code: ProbeCode) -> Int {
        switch code {
        case .longTermMemory: return 1 + settings.maxDistance
        case .typos, .wordOrder, .leftOut, .replaced: return 1 + settings.perturbedQuestions
        case .consistency: return settings.consistencyQuestions
        default: return 2
        }
    }

    /// Each enabled code draws 1...maxSets distinct sets of its kind for this run.
    private func chooseSets(_ random: inout SeededRandom) -> [ProbeCode: [TestSet]] {
        var result: [ProbeCode: [TestSet]] = [:]
        for code in settings.enabledCodes {
            let candidates = database.sets(of: code.setKind)
            guard !candidates.isEmpty else { continue }
            let count = random.int(in: 1...max(1, min(settings.maxSets, candidates.count)))
            result[code] = random.sample(candidates, count: count)
        }
        return result
    }
}
