import LabCore

extension Gate {
    /// The gate of a whole experiment: `thresholds` against the totals over its runs, and the rule that the bot under
    /// test answered.
    public static func experiment(_ analysis: Analysis, thresholds: [Threshold]) -> Gate {
        Gate(
            name: analysis.experiment.name, thresholds: thresholds, measures: GateMeasure.totals(analysis),
            extra: silentBot(analysis))
    }

    /// One gate per run (`<name> run <k>`), each judging that run's own numbers.
    public static func perRun(_ analysis: Analysis, thresholds: [Threshold]) -> [Gate] {
        analysis.runs.map { run in
            Gate(
                name: "\(analysis.experiment.name) run \(run.run)", thresholds: thresholds,
                measures: GateMeasure.run(run, keys: analysis.seriesKeys),
                extra: silentBot(underTest: analysis.experiment.underTest, runs: [run]))
        }
    }
}
