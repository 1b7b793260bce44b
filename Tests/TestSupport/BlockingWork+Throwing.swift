import LabCore

extension BlockingWork {
    /// Runs throwing, thread-blocking work (starting a server process, curl, openssl) on a thread of its own, so that
    /// an async test waiting for it holds none of the cooperative pool's few threads: the network tests running
    /// beside it need them to answer and to be answered.
    public static func run<Value: Sendable>(throwing work: @escaping @Sendable () throws -> Value) async throws
        -> Value
    {
        try await run { Result { try work() } }.get()
    }
}
