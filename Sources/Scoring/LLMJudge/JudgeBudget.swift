import Foundation

/// How many requests and tokens the LLM judge may still spend in one experiment; shared by all runs' scoring.
public final class JudgeBudget: @unchecked Sendable {
    public let maxRequests: Int?
    public let maxTokens: Int?
    private let lock = NSLock()
    private var requests = 0
    private var tokens = 0

    public init(maxRequests: Int? = nil, maxTokens: Int? = nil) {
        self.maxRequests = maxRequests
        self.maxTokens = maxTokens
    }

    /// Takes one request from the budget; false when the requests or tokens are spent.
    public func reserveRequest() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let maxRequests, requests >= maxRequests { return false }
        if let maxTokens, tokens >= maxTokens { return false }
        requests += 1
        return true
    }

    /// Counts the tokens a response reported (`usage`).
    public func spend(tokens count: Int) {
        lock.lock()
        tokens += count
        lock.unlock()
    }

    public var spent: (requests: Int, tokens: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (requests, tokens)
    }
}
