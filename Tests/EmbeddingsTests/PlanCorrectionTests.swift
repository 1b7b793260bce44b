@testable import Embeddings
import Testing

/// Estimates corrected by what batches of each kind took.
struct PlanCorrectionTests {
    @Test func aFactorStartsAtOneAndMovesTowardWhatBatchesTook() {
        var correction = PlanCorrection()
        #expect(correction.factor(.shared, threads: 2) == 1)
        correction.record(.shared, threads: 2, estimate: 0.010, seconds: 0.012)
        #expect(abs(correction.factor(.shared, threads: 2) - 1.05) < 1e-12)
        // Batches that keep taking 1.2 times the uncorrected estimate: the corrected estimate converges to it.
        for _ in 0..<60 {
            let estimate = 0.010 * correction.factor(.shared, threads: 2)
            correction.record(.shared, threads: 2, estimate: estimate, seconds: 0.012)
        }
        #expect(abs(correction.factor(.shared, threads: 2) - 1.2) < 1e-3)
        #expect(correction.factor(.spread, threads: 2) == 1)
        #expect(correction.factor(.shared, threads: 1) == 1)
    }

    @Test func oneSlowBatchCountsWithinBounds() {
        var correction = PlanCorrection()
        correction.record(.spread, threads: 2, estimate: 0.001, seconds: 0.100)
        #expect(abs(correction.factor(.spread, threads: 2) - 1.25) < 1e-12)
        correction.record(.shared, threads: 2, estimate: 0.100, seconds: 0.001)
        #expect(abs(correction.factor(.shared, threads: 2) - 0.875) < 1e-12)
    }

    @Test func otherFactorsDriftBackToOne() {
        var correction = PlanCorrection()
        for _ in 0..<20 { correction.record(.shared, threads: 2, estimate: 0.010, seconds: 0.015) }
        let raised = correction.factor(.shared, threads: 2)
        #expect(raised > 1.3)
        for _ in 0..<100 { correction.record(.spread, threads: 2, estimate: 0.010, seconds: 0.010) }
        let drifted = correction.factor(.shared, threads: 2)
        #expect(drifted < 1 + (raised - 1) * 0.2)
        #expect(drifted > 1)
    }

    @Test func timesThatCannotBeRightAreIgnored() {
        var correction = PlanCorrection()
        correction.record(.shared, threads: 2, estimate: 0, seconds: 0.01)
        correction.record(.shared, threads: 2, estimate: .infinity, seconds: 0.01)
        correction.record(.shared, threads: 2, estimate: 0.01, seconds: .nan)
        correction.record(.shared, threads: 2, estimate: 0.01, seconds: 0)
        #expect(correction == PlanCorrection())
    }

    @Test func aCorrectionChangesTheChoiceOfPlan() {
        // Shared passes measured a little cheaper than spread ones …
        let costs = PassCosts(
            rows: [16, 64, 256], shared: [1: [1.6, 5.0, 18.0], 2: [0.9, 2.7, 9.5]], spread: [2: [1.7, 5.2, 19.0]])
        let lengths = (0..<64).map { 12 + $0 % 9 }
        let measured = PassPlan(lengths: lengths, threads: 2, maxTokensPerPass: 2_048, costs: costs)
        #expect(measured.mode == .shared)
        // … but batches of them ran 30 % slower than estimated.
        var correction = PlanCorrection()
        for _ in 0..<30 {
            let plan = PassPlan(
                lengths: lengths, threads: 2, maxTokensPerPass: 2_048, costs: costs, correction: correction)
            guard plan.mode == .shared else { break }
            correction.record(.shared, threads: 2, estimate: plan.estimate, seconds: measured.estimate * 1.3)
        }
        let corrected = PassPlan(
            lengths: lengths, threads: 2, maxTokensPerPass: 2_048, costs: costs, correction: correction)
        #expect(corrected.mode == .spread)
        #expect(corrected.runnerUp?.mode == .shared)
        #expect(abs(corrected.runnerUp!.estimate - measured.estimate * correction.factor(.shared, threads: 2)) < 1e-9)
    }
}
