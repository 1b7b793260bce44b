import Embeddings
import Testing

/// The benchmarks' and cost measurements' timing: what runs, how often, and what comes back.
struct StopwatchTests {
    @Test func secondsRunsTheStepOnceAndReturnsATime() {
        var runs = 0
        let seconds = Stopwatch.seconds { runs += 1 }
        #expect(runs == 1)
        #expect(seconds >= 0 && seconds.isFinite)
    }

    @Test func repeatingWarmsUpOnceAndCountsOnlyTheTimedSteps() {
        var runs = 0
        let (units, seconds) = Stopwatch.repeating(for: 0) {
            runs += 1
            return 3
        }
        #expect(runs == 2)
        #expect(units == 3)
        #expect(seconds >= 0)
    }
}
