import Foundation
import LabCore

/// `probes.json` in a report folder: every run's probe plan and the test sets they use, written before the first
/// turn, so re-analysis needs neither the test-set folder nor the planner.
public struct ProbeRecord: Codable, Sendable {
    public var sets: [TestSet]
    public var plans: [ProbePlan]

    public init(sets: [TestSet], plans: [ProbePlan]) {
        self.sets = sets
        self.plans = plans
    }

    /// The sets by id.
    public var setsByID: [String: TestSet] { Dictionary(sets.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }) }

    public func plan(run: Int) -> ProbePlan? { plans.first { $0.run == run } }

    public func write(to path: String) throws {
        try RecordFile.write(self, to: path)
    }

    /// The record at `path`; `nil` for an experiment without probes (no file).
    public static func read(from path: String) throws -> ProbeRecord? {
        try RecordFile.read(ProbeRecord.self, from: path, what: "a probe record")
    }
}
