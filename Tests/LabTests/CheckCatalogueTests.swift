import Foundation
import Lab
import LabCore
import Probes
import Scoring
import Testing

/// Every code ChatLab can report under has one complete catalogue entry.
@Suite struct CheckCatalogueTests {
    /// Fails with the code's name when the catalogue lacks it or its entry has an empty field.
    private func expectComplete(_ code: String, from source: String) {
        guard let entry = CheckCatalogue.builtIn[code] else {
            Issue.record("\(source): code \(code) has no catalogue entry")
            return
        }
        #expect(entry.isComplete, "\(source): \(code) has an empty title, meaning, unit or threshold")
        for field in CatalogueTable.cells(entry) {
            #expect(!field.trimmingCharacters(in: .whitespaces).isEmpty, "\(source): \(code)")
        }
    }

    @Test func everyScorerKindDeclaresCompleteEntries() {
        for kind in ScorerRegistry.all {
            #expect(!kind.checks.isEmpty, "scorer \(kind.id) declares no code")
            for code in kind.codes { expectComplete(code, from: "scorer \(kind.id)") }
        }
    }

    @Test func everyProbeCodeAndPerturbationHasACompleteEntry() {
        for code in ProbeCode.allCases {
            expectComplete(code.rawValue, from: "probe code")
            #expect(code.check.code == code.rawValue)
            #expect(code.title == CheckCatalogue.builtIn[code.rawValue]?.title)
            if let perturbation = code.perturbation {
                #expect(perturbation.code == code.rawValue, "\(code): its perturbation reports \(perturbation.code)")
                #expect(perturbation.breakdown.labels.count == 20, "\(code)")
                #expect(perturbation.breakdown.title.hasPrefix(code.rawValue), "\(code)")
            }
        }
    }

    @Test func everyLLMJudgeRubricHasACompleteEntry() {
        #expect(Set(JudgeRubric.kinds.map(\.code)).count == 4)
        for rubric in JudgeRubric.kinds { expectComplete(rubric.code, from: "LLM judge rubric") }
        #expect(Set(JudgeRubric.kinds.map(\.code)).isSubset(of: ScorerRegistry.kind("llm_judge")!.codes))
    }

    @Test func noCodeIsDeclaredTwice() {
        let codes = CheckCatalogue.builtInEntries.map(\.code)
        #expect(codes.count == Set(codes).count, "\(codes)")
        #expect(CheckCatalogue.builtIn.codes == codes)
    }

    @Test func responseTimeIsTheOnlySecondsCheck() {
        let seconds = CheckCatalogue.builtIn.entries.filter { $0.kind == .responseTime }
        #expect(seconds.map(\.code) == [ResponseTimeScorer.check.code])
        #expect(ResponseTimeScorer.check.unit == "seconds")
    }

    @Test func configuredScorersReportTheirThresholdInForce() throws {
        let config = """
            chatters:
              chatter1: {kind: script, lines: [Hello]}
              chatter2: {kind: echo}
            scorers:
              stutter: {threshold: 0.5}
              response_time: {max_seconds: 2.5}
            """
        let experiment = try ExperimentLoader().load(text: config, path: "exp.yaml")
        let checks = CheckCatalogue.builtIn.inForce(for: experiment.scorers)
        #expect(checks.codes == ["ML-A6", "ML-A7", "RT"])
        #expect(checks["ML-A6"]?.threshold.description == "fails above 0.5")
        #expect(checks["ML-A6"]?.threshold.value == 0.5)
        #expect(checks["RT"]?.threshold.description == "fails above 2.5 s")
        #expect(checks["ML-A7"] == CheckCatalogue.builtIn["ML-A7"])
        #expect(CheckCatalogue.builtIn["ML-A6"]?.threshold.description == "fails above 0.33")
    }
}
