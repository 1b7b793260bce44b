import LabCore

extension Comparison {
    /// Reasons a difference may not be the bots' alone, one sentence each: the experiments' seeds differ, they drew
    /// other probes (test-set items), or a check was judged with other scorer settings. Empty when none applies.
    public var warnings: [String] {
        guard let first = experiments.first else { return [] }
        var warnings: [String] = []
        let seeds = experiments.map(\.seed)
        if Set(seeds.filter { !$0.isEmpty }).count > 1 {
            let list = experiments.map { "\($0.label) \($0.seed)" }.joined(separator: ", ")
            warnings.append(
                "the seeds differ (\(list)): the runs drew different conversations and probes, so a difference mixes "
                    + "the bots with the draw. Run both with the same --seed (then --paired can pair the runs).")
        }
        for other in experiments.dropFirst() where other.drawnProbes != first.drawnProbes {
            let differing = Self.differing(first.drawnProbes, other.drawnProbes)
            let total = max(first.drawnProbes.count, other.drawnProbes.count)
            warnings.append(
                "the test sets differ: \(other.label) drew other probes than \(first.label) (\(differing) of \(total) "
                    + "drawn test-set items differ), so their probe checks asked different questions.")
        }
        for other in experiments.dropFirst() {
            for (key, rule) in other.rules.sorted(by: { $0.key.code < $1.key.code }) {
                guard let base = first.rules[key], base != rule else { continue }
                warnings.append(
                    "the scorer settings differ for \(code(key)): \(first.label) '\(base)', \(other.label) '\(rule)'; "
                        + "the same replies could get other verdicts.")
            }
        }
        return warnings
    }

    /// How many entries of the two sorted lists have no partner in the other (a multiset difference, counted on the
    /// larger side).
    static func differing(_ a: [String], _ b: [String]) -> Int {
        var counts: [String: Int] = [:]
        for item in a { counts[item, default: 0] += 1 }
        for item in b { counts[item, default: 0] -= 1 }
        let onlyA = counts.values.filter { $0 > 0 }.reduce(0, +)
        let onlyB = -counts.values.filter { $0 < 0 }.reduce(0, +)
        return max(onlyA, onlyB)
    }
}

extension Comparison.Experiment {
    /// The rule every experiment obeys (as ``Gate/silentBot(_:)`` for a run): each seat under test that was asked
    /// answered at least once, judged from `summary.json`'s asked and failed turns. Empty for folders that do not
    /// record the seats under test or their turns.
    public var silentBot: [GateResult] {
        underTest.compactMap { seat in
            guard let measure = measures.first(where: { $0.key.seat == seat }), measure.asked > 0 else { return nil }
            let answered = measure.asked - measure.failed
            var measured = "answered \(answered) of \(measure.asked) turns"
            let ends = ends.filter { $0.key != ConversationEnd.Reason.roundsDone.rawValue }.sorted { $0.key < $1.key }
            if answered == 0, !ends.isEmpty {
                measured += "; ended: " + ends.map { "\($0.key) (\($0.value) conversations)" }.joined(separator: ", ")
            }
            return GateResult(
                key: nil, limit: "\(seat) (under test) answers at least one turn", measured: measured,
                passed: answered > 0)
        }
    }
}
