import LabCore

extension BlockingWork {
    /// Runs throwing, thread-blocking work (a child process such as curl) on a thread of its own: async tests that
    /// serve in process must not hold the cooperative pool's few threads, which the server needs to answer.
    public static func run<Value: Sendable>(throwing work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await run { Result { try work() } }.get()
    }
}
