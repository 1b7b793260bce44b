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

    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw LabError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    static func read(from path: String) throws -> ProbeRecord? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try JSONDecoder().decode(ProbeRecord.self, from: data)
        } catch {
            throw LabError.badTranscript(path: path, line: 1, reason: "not a probe record: \(error)")
        }
    }
}
