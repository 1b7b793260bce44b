import Foundation
import LabCore
import Probes
import Transcripts

/// The probes of an experiment, ready to plan: its test sets loaded (so a bad test set stops the experiment before
/// its report folder exists) and the planner set up.
struct ProbePreparation {
    let experiment: Experiment
    let database: TestSetDatabase
    let planner: ProbePlanner

    /// `nil` when the experiment has no probes. Throws ``TestSetError`` or ``WordNetError`` with file and line.
    static func prepare(_ experiment: Experiment) throws -> ProbePreparation? {
        guard let config = experiment.probes, !config.settings.enabledCodes.isEmpty else { return nil }
        let database = try config.loadTestSets()
        var augmenter: SynonymAugmenter?
        if config.settings.synonymProbability > 0, config.settings.augmentedCopies > 0 {
            augmenter = SynonymAugmenter(wordnet: try WordNet(), probability: config.settings.synonymProbability)
        }
        let planner = ProbePlanner(settings: config.settings, database: database, augmenter: augmenter)
        return ProbePreparation(experiment: experiment, database: database, planner: planner)
    }

    /// Plans every run, writing each plan to `probes/run-<k>.json` as it is made, then the sets the plans use to
    /// `probes.json`. Holds one plan at a time.
    func write(to folder: ReportFolder) throws -> ProbeRecord {
        do {
            try FileManager.default.createDirectory(atPath: folder.probePlans, withIntermediateDirectories: true)
        } catch {
            throw LabError.cannotWrite(path: folder.probePlans, reason: error.localizedDescription)
        }
        var used = Set<String>()
        for run in 1...experiment.runs {
            let plan = planner.plan(run: run, rounds: experiment.rounds, seed: experiment.runSeed(run))
            used.formUnion(plan.probes.map(\.set) + plan.unplaced.map(\.set))
            try RecordFile.write(plan, to: folder.probePlan(run: run), pretty: false)
        }
        let record = ProbeRecord(sets: database.sets.filter { used.contains($0.id) }, folder: folder)
        try record.write(to: folder.probes)
        return record
    }
}
