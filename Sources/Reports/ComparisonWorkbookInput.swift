import LabCore

extension ComparisonWorkbook {
    /// What the comparison workbook shows, as plain values: the experiments (the first is the reference) and one row
    /// per check. The caller maps its own comparison to it.
    public struct Input: Sendable, Hashable {
        /// One compared experiment: its column-group label and where it came from.
        public struct Experiment: Sendable, Hashable {
            public var label: String
            public var name: String
            public var folder: String
            public var seed: String
            public var runs: Int
            public var rounds: Int
            public var started: String?
            /// How many checks it has.
            public var checks: Int

            public init(
                label: String, name: String, folder: String, seed: String, runs: Int, rounds: Int, started: String?,
                checks: Int
            ) {
                self.label = label
                self.name = name
                self.folder = folder
                self.seed = seed
                self.runs = runs
                self.rounds = rounds
                self.started = started
                self.checks = checks
            }
        }

        /// One experiment against the first on one check.
        public struct Difference: Sendable, Hashable {
            /// This rate minus the first experiment's; `nil` when either has no verdicts (a blank cell).
            public var rate: Double?
            public var zTest: Double?
            public var fisher: Double?
            /// Marked with `*`: the adjusted p-value is below alpha.
            public var significant: Bool
            /// The Holm-adjusted p-value of the deciding test.
            public var adjusted: Double?
            /// Paired comparisons: the seed-paired runs as `5+ 1− 2=`, and the sign test's p-value.
            public var pairs: String?
            public var signTest: Double?

            public init(
                rate: Double?, zTest: Double?, fisher: Double?, significant: Bool, adjusted: Double? = nil,
                pairs: String? = nil, signTest: Double? = nil
            ) {
                self.rate = rate
                self.zTest = zTest
                self.fisher = fisher
                self.significant = significant
                self.adjusted = adjusted
                self.pairs = pairs
                self.signTest = signTest
            }
        }

        /// One check across the experiments.
        public struct Row: Sendable, Hashable {
            /// The check's code as shown (`ML-A6`, or `ML-A6 (chatter2)` when seats differ).
            public var code: String
            public var title: String
            /// One per experiment; `nil` when the experiment has no such check (blank cells).
            public var tallies: [Tally?]
            /// One per experiment; `nil` for the first (the reference) and where nothing is compared.
            public var differences: [Difference?]

            public init(code: String, title: String, tallies: [Tally?], differences: [Difference?]) {
                self.code = code
                self.title = title
                self.tallies = tallies
                self.differences = differences
            }
        }

        /// At least one; the first is the reference the differences are against.
        public var experiments: [Experiment]
        public var rows: [Row]
        /// The significance level named in the sheet's note (the `*` marks an adjusted p below it).
        public var alpha: Double
        /// Runs were paired by seed: each group after the first has the pairs and sign-test columns.
        public var paired: Bool
        /// Lines under the table saying what the columns mean, and warnings (seeds, test sets or settings differ).
        public var notes: [String]
        public var warnings: [String]

        public init(
            experiments: [Experiment], rows: [Row], alpha: Double, paired: Bool = false, notes: [String] = [],
            warnings: [String] = []
        ) {
            self.experiments = experiments
            self.rows = rows
            self.alpha = alpha
            self.paired = paired
            self.notes = notes
            self.warnings = warnings
        }
    }
}
