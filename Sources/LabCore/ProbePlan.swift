/// Which rounds of one run carry which probe: decided before the run from the run's seed, and saved with the reports.
public struct ProbePlan: Codable, Sendable, Hashable {
    public var run: Int
    /// The test codes the experiment injects (so codes that drew nothing still show up with zero counts).
    public var codes: [String]
    /// The probes that were placed, in order of their first round.
    public var probes: [PlacedProbe]
    /// Probes that were drawn but found no room before the end of the run.
    public var unplaced: [UnplacedProbe]

    public init(run: Int, codes: [String] = [], probes: [PlacedProbe] = [], unplaced: [UnplacedProbe] = []) {
        self.run = run
        self.codes = codes
        self.probes = probes
        self.unplaced = unplaced
    }

    /// The injected turn planned for a round, if any.
    public func injection(round: Int) -> ProbeTurn? {
        for probe in probes {
            if let turn = probe.turns.first(where: { $0.round == round }) { return turn }
        }
        return nil
    }

    /// Planned (drawn) and placed probe counts per test code.
    public var counts: [String: ProbeCount] {
        var counts = Dictionary(uniqueKeysWithValues: codes.map { ($0, ProbeCount()) })
        for probe in probes {
            counts[probe.code, default: ProbeCount()].planned += 1
            counts[probe.code, default: ProbeCount()].placed += 1
        }
        for probe in unplaced { counts[probe.code, default: ProbeCount()].planned += 1 }
        return counts
    }
}

/// How many probes of one code were drawn and how many were placed.
public struct ProbeCount: Codable, Sendable, Hashable {
    public var planned: Int
    public var placed: Int

    public init(planned: Int = 0, placed: Int = 0) {
        self.planned = planned
        self.placed = placed
    }

    public static func + (lhs: ProbeCount, rhs: ProbeCount) -> ProbeCount {
        ProbeCount(planned: lhs.planned + rhs.planned, placed: lhs.placed + rhs.placed)
    }
}

/// A probe placed in a run: its information turn(s) and question turn(s).
public struct PlacedProbe: Codable, Sendable, Hashable {
    public var code: String
    public var set: String
    public var turns: [ProbeTurn]
    /// For ML-I1: rounds between the information and the question.
    public var distance: Int?

    public init(code: String, set: String, turns: [ProbeTurn], distance: Int? = nil) {
        self.code = code
        self.set = set
        self.turns = turns
        self.distance = distance
    }
}

/// One injected turn of a probe: the text the runner says instead of the driving chatter.
public struct ProbeTurn: Codable, Sendable, Hashable {
    public var round: Int
    public var text: String
    public var mark: ProbeMark

    public init(round: Int, text: String, mark: ProbeMark) {
        self.round = round
        self.text = text
        self.mark = mark
    }
}

/// A probe that was drawn but could not be placed.
public struct UnplacedProbe: Codable, Sendable, Hashable {
    public var code: String
    public var set: String
    /// The round where it was drawn.
    public var round: Int
    public var reason: String

    public init(code: String, set: String, round: Int, reason: String) {
        self.code = code
        self.set = set
        self.round = round
        self.reason = reason
    }
}
