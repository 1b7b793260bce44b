import LabCore
import Transcripts
import Probes

/// Loads the test sets and plans the probes of every run before an experiment starts.
enum ProbePreparation {
    /// `nil` when the experiment has no probes. Throws ``TestSetError`` or ``WordNetError`` with file and line.
    static func prepare(_ experiment: Experiment) throws -> ProbeRecord? {
        guard let config = experiment.probes, !config.settings.enabledCodes.isEmpty else { return nil }
        let database = try TestSetDatabase.load(folder: config.testsets)
        var augmenter: SynonymAugmenter?
        if config.settings.synonymProbability > 0, config.settings.augmentedCopies > 0 {
            augmenter = SynonymAugmenter(wordnet: try WordNet(), probability: config.settings.synonymProbability)
        }
        let planner = ProbePlanner(settings: config.settings, database: database, augmenter: augmenter)
        let plans = (1...experiment.runs).map {
            planner.plan(run: $0, rounds: experiment.rounds, seed: experiment.runSeed($0))
        }
        let used = Set(plans.flatMap { $0.probes.map(\.set) + $0.unplaced.map(\.set) })
        return ProbeRecord(sets: database.sets.filter { used.contains($0.id) }, plans: plans)
    }
}
