import Foundation

/// Tells the time: wall-clock dates for records, and a monotonic reading for durations.
///
/// Passed in to whatever records when things happened (the conversation runner), so tests can fix the dates.
public protocol LabClock: Sendable {
    /// The current date, for records.
    func now() -> Date
    /// Seconds on a monotonic clock, for measuring durations (latency); only differences mean anything.
    func monotonicSeconds() -> Double
}

/// The system's clocks.
public struct SystemClock: LabClock {
    public init() {}

    public func now() -> Date { Date() }

    public func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
