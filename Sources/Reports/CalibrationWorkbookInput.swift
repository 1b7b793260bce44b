extension CalibrationWorkbook {
    /// What the calibration workbook shows, as plain values: a row per judge and kind, the mistakes, the judges not
    /// run. The caller maps its own calibration report to it.
    public struct Input: Sendable, Hashable {
        /// One row of sheet "Judges": a judge on one kind of item, or on all of them (kind "all").
        public struct JudgeRow: Sendable, Hashable {
            public var judge: String
            public var kind: String
            public var items: Int
            /// Shares in 0...1; `nil` (a blank cell) when undefined.
            public var accuracy: Double?
            public var precision: Double?
            public var recall: Double?
            public var truePass: Int
            public var falsePass: Int
            public var trueFail: Int
            public var falseFail: Int
            /// The score threshold that maximises accuracy, and that accuracy; only on a scoring judge's "all" row.
            public var bestThreshold: Double?
            public var accuracyAtThreshold: Double?
            /// What the judge is, for people.
            public var summary: String

            public init(
                judge: String, kind: String, items: Int, accuracy: Double?, precision: Double?, recall: Double?,
                truePass: Int, falsePass: Int, trueFail: Int, falseFail: Int,
                bestThreshold: Double?, accuracyAtThreshold: Double?, summary: String
            ) {
                self.judge = judge
                self.kind = kind
                self.items = items
                self.accuracy = accuracy
                self.precision = precision
                self.recall = recall
                self.truePass = truePass
                self.falsePass = falsePass
                self.trueFail = trueFail
                self.falseFail = falseFail
                self.bestThreshold = bestThreshold
                self.accuracyAtThreshold = accuracyAtThreshold
                self.summary = summary
            }
        }

        /// One row of sheet "Mistakes": an item a judge got wrong.
        public struct MistakeRow: Sendable, Hashable {
            public var judge: String
            /// Where the item is written (`file:line`).
            public var source: String
            public var kind: String
            public var question: String
            public var expected: String
            public var reply: String
            /// The person's verdict and the judge's.
            public var label: String
            public var verdict: String
            public var extracted: String
            public var score: Double?

            public init(
                judge: String, source: String, kind: String, question: String, expected: String, reply: String,
                label: String, verdict: String, extracted: String, score: Double?
            ) {
                self.judge = judge
                self.source = source
                self.kind = kind
                self.question = question
                self.expected = expected
                self.reply = reply
                self.label = label
                self.verdict = verdict
                self.extracted = extracted
                self.score = score
            }
        }

        public var judges: [JudgeRow]
        public var mistakes: [MistakeRow]
        /// Judges not run, and why; listed under the judges' rows.
        public var skipped: [String]

        public init(judges: [JudgeRow], mistakes: [MistakeRow], skipped: [String]) {
            self.judges = judges
            self.mistakes = mistakes
            self.skipped = skipped
        }
    }
}
