import Foundation
import Synchronization

/// How many requests and tokens the LLM judge may still spend in one experiment; shared by all runs' scoring.
public final class JudgeBudget: Sendable {
    public let maxRequests: Int?
    public let maxTokens: Int?
    private let used = Mutex<(requests: Int, tokens: Int)>((0, 0))

    public init(maxRequests: Int? = nil, maxTokens: Int? = nil) {
        self.maxRequests = maxRequests
        self.maxTokens = maxTokens
    }

    /// Takes one request from the budget; false when the requests or tokens are spent.
    public func reserveRequest() -> Bool {
        used.withLock { used in
            if let maxRequests, used.requests >= maxRequests { return false }
            if let maxTokens, used.tokens >= maxTokens { return false }
            used.requests += 1
            return true
        }
    }

    /// Counts the tokens a response reported (`usage`).
    public func spend(tokens count: Int) {
        used.withLock { $0.tokens += count }
    }

    public var spent: (requests: Int, tokens: Int) {
        used.withLock { $0 }
    }
}
