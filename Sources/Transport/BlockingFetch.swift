import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one request through URLSession and waits for the whole answer on the calling thread, reading at most
/// ``maxBytes`` of body and waiting at most ``timeout`` seconds.
///
/// The synchronous clients of the scorers and the remote encoder (LLM judge, moderation, classifier, embeddings) use
/// it from threads of their own (``LabCore/BlockingWork``), never from Swift's cooperative pool. A body that grows
/// past the limit cancels the request at once, so an endless or huge answer costs at most `maxBytes` of memory.
public struct BlockingFetch: Sendable {
    /// The most body bytes read (default 16 MiB: ample for embeddings of a large batch or a judge's answer).
    public var maxBytes: Int
    /// Seconds for the whole exchange.
    public var timeout: Double

    public static let defaultMaxBytes = 16 << 20

    public init(maxBytes: Int = BlockingFetch.defaultMaxBytes, timeout: Double) {
        self.maxBytes = maxBytes
        self.timeout = timeout
    }

    /// A complete answer: its HTTP status and body.
    public struct Reply: Sendable {
        public var status: Int
        public var body: Data
    }

    /// Why no complete answer came.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case timedOut(seconds: Double)
        /// The body passed the limit (or the server announced a longer one).
        case tooLarge(limit: Int)
        case failed(String)

        public var description: String {
            switch self {
            case .timedOut(let seconds): return "timed out after \(Self.format(seconds)) s"
            case .tooLarge(let limit): return "the answer is larger than \(limit) bytes (too_large)"
            case .failed(let message): return "request failed: \(message)"
            }
        }

        private static func format(_ seconds: Double) -> String {
            seconds == seconds.rounded() && abs(seconds) < 1e9 ? String(Int(seconds)) : String(seconds)
        }
    }

    /// Sends `request` and returns the answer, whatever its status.
    /// - Throws: ``Failure``.
    public func send(_ request: URLRequest) throws -> Reply {
        let collector = BodyCollector(limit: maxBytes)
        let session = URLSession(configuration: .ephemeral, delegate: collector, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        var request = request
        request.timeoutInterval = timeout
        let task = session.dataTask(with: request)
        task.resume()
        guard collector.wait(seconds: timeout) else {
            task.cancel()
            throw Failure.timedOut(seconds: timeout)
        }
        return try collector.result(timeout: timeout)
    }
}
