import LabCore

/// What the `Legend` sheets of `report.xlsx` and `summary.xlsx` say.
enum Legend {
    /// The small-sample rule, under tables that have a small sample and in the legends.
    static let smallSampleNote =
        "Rates in grey italics: fewer than \(Tally.smallSampleBelow) verdicts, too few for the colour to mean much; "
        + "read the 95 % interval."

    /// The interval, as the legends explain it.
    static let intervalNote =
        "Wilson score interval at 95 % for the pass rate (stays within 0–100 %, fair for small samples). The charts "
        + "show no error bars: the chart library offers only fixed, percentage, standard-deviation and "
        + "standard-error bars, none of which is a per-bar interval, so the interval is in the columns beside."

    static func runWorkbook(_ analysis: Analysis) -> [LegendEntry] {
        [.heading("Run sheets (Run 1, Run 2...)")]
            + [
                LegendEntry(item: "Round", meaning: "The round number: one utterance of chatter 1, then one of chatter 2."),
                LegendEntry(
                    item: "chatter columns",
                    meaning: "What each chatter said in the round (headed by its name). On a probe turn this is the "
                        + "injected text, perturbed when the test perturbs questions."),
                LegendEntry(item: "Probe", meaning: "The test code of the probe injected in this round, if any."),
                LegendEntry(item: "Set", meaning: "The id of the test set the probe was drawn from."),
                LegendEntry(
                    item: "Role",
                    meaning: "information: the turn tells a fact; question: the turn asks about it (and is scored)."),
                LegendEntry(
                    item: "Level", meaning: "The perturbation level of a perturbed probe (ML-U3..U6: how much was changed)."),
                LegendEntry(item: "Expected", meaning: "On a question row: the answer the test set expects."),
                LegendEntry(item: "Original", meaning: "The question before perturbation (typos, swaps, words left out or replaced)."),
                LegendEntry(
                    item: "<code> <check>",
                    meaning: "The verdict of that check for the reply: pass, fail or skipped. A check gets columns "
                        + "only on the sheets of runs where it judged a turn (score and note only when it gave them)."),
                LegendEntry(item: "<code> <check> score", meaning: "The check's detailed number (e.g. the stutter score, seconds)."),
                LegendEntry(item: "<code> <check> note", meaning: "How the scorer read the reply."),
                LegendEntry(item: "Error", meaning: "Why a chatter gave no reply (timeout, connection...)."),
                LegendEntry(
                    item: "passes / total / pass rate",
                    meaning: "Rows under the rounds: per check, the passes, the verdicts that count (skipped ones do "
                        + "not) and passes ÷ total."),
                LegendEntry(item: "95 % CI", meaning: intervalNote),
                .heading("Failures"),
                LegendEntry(
                    item: "rows",
                    meaning: "Every failing verdict of every run (and every turn the bot under test did not answer): "
                        + "run (linked to the round), round, check, the utterance before, the reply, the expected "
                        + "answer of a probe question, and the scorer's note. Filter by code to review one check."),
                .heading("Histograms"),
                LegendEntry(
                    item: "blocks",
                    meaning: "Per run and check with a breakdown, one row per bucket (perturbation level, or rounds "
                        + "between fact and question): passes, total, pass rate and its 95 % interval."),
            ] + colours() + codes(analysis.checks)
    }

    static func summaryWorkbook(_ analysis: Analysis) -> [LegendEntry] {
        [
            .heading("Overview"),
            LegendEntry(
                item: "series table",
                meaning: "Per check (code and seat): passes, total and pass rate pooled over all runs, coloured by "
                    + "level, its 95 % interval (low, high), the threshold that was in force, and what the code tests."),
            LegendEntry(item: "95 % CI", meaning: intervalNote),
            .heading("Runs"),
            LegendEntry(item: "Run, Seed", meaning: "The run's number and the seed its randomness came from."),
            LegendEntry(item: "Rounds, Turns, Errors", meaning: "How long the run was and how many turns failed."),
            LegendEntry(
                item: "<code> passes / total / rate",
                meaning: "The run's passes, verdicts that count, pass rate (passes ÷ total) and its 95 % interval for "
                    + "that check."),
            LegendEntry(item: "<code> mean, p95...", meaning: "Statistics of the check's scores in the run."),
            LegendEntry(
                item: "<code> planned / placed",
                meaning: "Probes of that test drawn for the run, and those that found room in the conversation."),
            LegendEntry(item: "Report", meaning: "A link to the run's sheet in report.xlsx (same folder)."),
            LegendEntry(
                item: "Total", meaning: "Sums over all runs; the rate is pooled (all passes ÷ all totals), statistics "
                    + "are computed over all scores together."),
            .heading("Histograms"),
            LegendEntry(
                item: "blocks",
                meaning: "Per check with a breakdown, summed over all runs bucket by bucket: passes, total, "
                    + "pass rate and its 95 % interval, with a chart of the pass rate per bucket."),
            .heading("Response time"),
            LegendEntry(item: "bins", meaning: "How many replies took how long, over all runs, in about ten bins."),
        ] + colours() + codes(analysis.checks)
    }

    private static func colours() -> [LegendEntry] {
        [
            .heading("Colours"),
            .colour("information row", fill: ReportStyle.informationFill, "A probe turn that tells a fact."),
            .colour("question row", fill: ReportStyle.questionFill, "A probe turn that asks about it."),
            .colour("pass", fill: ReportStyle.pass.fill ?? 0, font: ReportStyle.pass.fontColor, "The check passed."),
            .colour("fail", fill: ReportStyle.fail.fill ?? 0, font: ReportStyle.fail.fontColor, "The check failed."),
            .colour(
                "skipped", fill: ReportStyle.skipped.fill ?? 0, font: ReportStyle.skipped.fontColor,
                "Not scored (e.g. the chatter failed); not counted in the total."),
            .colour(
                "pass rate ≥ 90 %", fill: ReportStyle.goodRate.fill, font: ReportStyle.goodRate.font, "Good."),
            .colour(
                "pass rate ≥ 60 %", fill: ReportStyle.fairRate.fill, font: ReportStyle.fairRate.font, "Fair."),
            .colour("pass rate < 60 %", fill: ReportStyle.poorRate.fill, font: ReportStyle.poorRate.font, "Poor."),
            .colour(
                "small sample", fill: ReportStyle.smallSampleRate.fill ?? 0, font: ReportStyle.smallSampleRate.fontColor,
                smallSampleNote),
        ]
    }

    /// A row per analysed code: its title and meaning, what its score measures and the rule in force.
    private static func codes(_ checks: CheckCatalogue) -> [LegendEntry] {
        guard !checks.isEmpty else { return [] }
        return [.heading("Test codes")] + checks.entries.map { LegendEntry(item: $0.code, meaning: meaning($0)) }
    }

    /// E.g. `stutter — Stuttering: … Score: stutter value. Threshold: fails above 0.5.`
    static func meaning(_ entry: CheckEntry) -> String {
        "\(entry.title) — \(entry.meaning) Score: \(entry.unit). Threshold: \(entry.threshold)."
    }
}
