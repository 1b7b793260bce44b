import LabCore
import Probes
import Scoring

extension CheckCatalogue {
    /// Every built-in test code with its default rule, gathered from where each is declared: the scorers of
    /// ``ScorerRegistry`` in registry order (each scorer's `check`; the LLM judge's one per rubric, ``JudgeRubric``),
    /// then the probe codes (``ProbeCode/check``; ML-U3...U6 from their ``Perturbation``).
    public static let builtIn = CheckCatalogue(builtInEntries)

    /// The entries as declared, before duplicates are merged (the catalogue test checks there are none).
    public static var builtInEntries: [CheckEntry] {
        ScorerRegistry.checks + ProbeCode.allCases.map(\.check)
    }
}
