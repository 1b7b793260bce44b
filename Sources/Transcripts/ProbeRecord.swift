import Foundation
import LabCore

/// The probes of an experiment as its report folder records them, written before the first turn, so re-analysis
/// needs neither the test-set folder nor the planner: `probes.json` holds the test sets the runs use, and
/// `probes/run-<k>.json` each run's plan (one file a run, so no step holds every run's plan at once). Folders of
/// earlier versions kept every plan inside `probes.json`; they still read.
public struct ProbeRecord: Codable, Sendable {
    public var sets: [TestSet]
    /// Plans kept inside `probes.json` (folders of earlier versions); empty in new folders.
    public var plans: [ProbePlan]
    /// The folder whose `probes/run-<k>.json` files hold the plans not in ``plans``.
    private var folder: ReportFolder?

    private enum CodingKeys: String, CodingKey {
        case sets, plans
    }

    public init(sets: [TestSet], plans: [ProbePlan] = [], folder: ReportFolder? = nil) {
        self.sets = sets
        self.plans = plans
        self.folder = folder
    }

    /// The sets by id.
    public var setsByID: [String: TestSet] { Dictionary(sets.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }) }

    /// The plan of run `run`: from ``plans`` in an older folder, else from its own file.
    /// - Throws: ``LabError/badRecord(path:reason:)`` for a damaged plan file.
    public func plan(run: Int) throws -> ProbePlan? {
        if let plan = plans.first(where: { $0.run == run }) { return plan }
        guard let folder else { return nil }
        return try RecordFile.read(ProbePlan.self, from: folder.probePlan(run: run), what: "a probe plan")
    }

    /// Writes `probes.json` (the sets, and any plans kept inline).
    public func write(to path: String) throws {
        try RecordFile.write(self, to: path)
    }

    /// The record of `folder`; `nil` for an experiment without probes (no `probes.json`).
    public static func read(in folder: ReportFolder) throws -> ProbeRecord? {
        var record = try RecordFile.read(ProbeRecord.self, from: folder.probes, what: "a probe record")
        record?.folder = folder
        return record
    }
}
