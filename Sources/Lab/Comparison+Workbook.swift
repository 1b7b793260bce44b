import Reports

extension ComparisonWorkbook.Input {
    /// `comparison` as the comparison workbook shows it.
    public init(_ comparison: Comparison) {
        self.init(
            experiments: comparison.experiments.map {
                Experiment(
                    label: $0.label, name: $0.name, folder: $0.folder, seed: $0.seed, runs: $0.runs,
                    rounds: $0.rounds, started: $0.started, checks: $0.scores.count)
            },
            rows: comparison.rows.map { row in
                Row(
                    code: comparison.code(row.key), title: row.key.title, tallies: row.tallies,
                    differences: row.differences.map { difference in
                        difference.map {
                            Difference(
                                rate: $0.rate, zTest: $0.zTest, fisher: $0.fisher, significant: $0.significant,
                                adjusted: $0.adjusted, pairs: $0.paired?.text, signTest: $0.paired?.p)
                        }
                    })
            },
            alpha: Comparison.alpha, paired: comparison.paired, notes: ComparisonTable.notes(comparison),
            warnings: comparison.warnings)
    }
}
