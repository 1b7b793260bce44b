import LabCore

/// Decides, before a run, which rounds carry which probe, from which set, in which variant and with which
/// perturbation — all from the run's seed, so the same seed gives the same plan.
///
/// For each round from `firstRound` on, one uniform draw against the cumulative probabilities picks at most one code
/// (a code is eligible in a round only if its whole probe would fit before the last round). A drawn probe reserves
/// every round it needs before it is placed; when a round it needs is taken (or another probe on the same test set is
/// still running), it waits for the next round where all of them are free, and no new probe is drawn meanwhile.
/// Nothing is overwritten or cut; a probe that finds no room before the end is reported as unplaced, never silently
/// dropped. A code's probes go through its chosen sets in a shuffled cycle, so a set repeats only after all were used.
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
        var queues = chooseSets(&random)
        var plan = ProbePlan(run: run, codes: settings.enabledCodes.map(\.rawValue))
        var taken = Set<Int>()
        var waiting: (probe: DrawnProbe, drawnIn: Int)?
        let codes = settings.enabledCodes
        guard settings.firstRound <= rounds else { return plan }
        for round in settings.firstRound...rounds {
            // Draw only in a free round with nothing waiting: a probe starts where it is drawn, or as soon after as
            // all of its rounds are free.
            if waiting == nil, !taken.contains(round),
                let code = pick(codes, random.nextUnit()), round + span(of: code) - 1 <= rounds,
                let set = queues[code]?.next(&random)
            {
                waiting = (draw(code, set, &random), round)
            }
            guard let item = waiting else { continue }
            let needed = item.probe.turns.map { round + $0.offset }
            let sameSetInFlight = plan.probes.contains { placed in
                placed.set == item.probe.set.id && placed.turns.contains { $0.round >= round }
            }
            if needed.allSatisfy({ !taken.contains($0) && $0 <= rounds }), !sameSetInFlight {
                needed.forEach { taken.insert($0) }
                plan.probes.append(item.probe.placed(at: round))
                waiting = nil
            }
        }
        if let item = waiting {
            plan.unplaced.append(UnplacedProbe(code: item.probe.code.rawValue, set: item.probe.set.id,
                round: item.drawnIn, reason: "no free rounds left before round \(rounds)"))
        }
        return plan
    }

    /// The code whose slice of the cumulative probabilities holds `roll`, if any.
    private func pick(_ codes: [ProbeCode], _ roll: Double) -> ProbeCode? {
        var cumulative = 0.0
        for code in codes {
            cumulative += settings.probabilities[code] ?? 0
            if roll < cumulative { return code }
        }
        return nil
    }

    /// How many rounds a probe of this code spans at most (for ML-I1, with the longest distance).
    func span(of code: ProbeCode) -> Int {
        if code.perturbation != nil { return 1 + settings.perturbedQuestions }
        switch code {
        case .longTermMemory: return 1 + settings.maxDistance
        case .consistency: return settings.consistencyQuestions
        default: return 2
        }
    }

    /// Each enabled code draws 1...maxSets distinct sets of its kind for this run; its probes use them in turn.
    private func chooseSets(_ random: inout SeededRandom) -> [ProbeCode: SetCycle] {
        var result: [ProbeCode: SetCycle] = [:]
        for code in settings.enabledCodes {
            let candidates = database.sets(of: code.setKind)
            guard !candidates.isEmpty else { continue }
            let count = random.int(in: 1...max(1, min(settings.maxSets, candidates.count)))
            result[code] = SetCycle(sets: random.sample(candidates, count: count))
        }
        return result
    }
}
