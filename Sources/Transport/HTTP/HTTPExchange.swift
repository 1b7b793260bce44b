import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sends one request with async-http-client and reads the whole answer, within the call's limits: the first byte
/// of the answer within ``HTTPCall/firstByteTimeout``, all of it within ``HTTPCall/timeout``, at most
/// ``HTTPCall/maxReplyBytes`` of body (reading stops as soon as it passes). What the peer sends is redacted of the
/// call's secrets before anyone sees it.
///
/// Any status is returned as an answer; only transport problems throw, as ``NetworkFailure``.
enum HTTPExchange {
    static func send(_ call: HTTPCall, client: HTTPClient) async throws -> HTTPAnswer {
        let start = ContinuousClock.now
        do {
            return try await withThrowingTaskGroup(of: HTTPAnswer?.self) { group in
                group.addTask { try await exchange(call, client: client, start: start) }
                group.addTask {
                    try await Task.sleep(for: call.timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let answer = first else {
                    throw NetworkFailure.timeout(
                        "no complete answer from \(call.endpoint.address) within \(call.timeout.secondsText)")
                }
                return answer
            }
        } catch let failure as NetworkFailure {
            throw failure
        } catch {
            throw ConnectionText.failure(error, endpoint: call.endpoint, call: call, elapsed: ContinuousClock.now - start)
        }
    }

    private static func exchange(_ call: HTTPCall, client: HTTPClient, start: ContinuousClock.Instant) async throws
        -> HTTPAnswer
    {
        let firstByte = min(call.firstByteTimeout ?? call.timeout, call.timeout)
        let response = try await client.execute(request(for: call), timeout: TimeAmount(firstByte))
        var collected = Data()
        var chunks: [(seconds: Double, bytes: Data)] = []
        if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > call.maxReplyBytes {
            throw ReplyLimit.failure(call.endpoint.address, limit: call.maxReplyBytes)
        }
        for try await buffer in response.body {
            guard collected.count + buffer.readableBytes <= call.maxReplyBytes else {
                throw ReplyLimit.failure(call.endpoint.address, limit: call.maxReplyBytes)
            }
            let bytes = Data(buffer.readableBytesView)
            collected.append(bytes)
            chunks.append(((ContinuousClock.now - start).seconds, bytes))
        }
        let secrets = call.headers.secrets
        if !secrets.isEmpty {
            collected = secrets.redact(collected)
            chunks = chunks.map { ($0.seconds, secrets.redact($0.bytes)) }
        }
        return HTTPAnswer(
            status: Int(response.status.code), headers: response.headers, body: collected, chunks: chunks,
            seconds: (ContinuousClock.now - start).seconds)
    }

    private static func request(for call: HTTPCall) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: call.endpoint.httpURL)
        request.method = call.method
        request.headers.add(name: "User-Agent", value: "chatlab")
        if call.body != nil, !call.headers.has("content-type") {
            request.headers.add(name: "Content-Type", value: "application/json")
        }
        for field in call.headers.fields { request.headers.add(name: field.name, value: field.value) }
        if let body = call.body { request.body = .bytes(ByteBuffer(bytes: body)) }
        return request
    }
}

extension Duration {
    /// The duration in seconds.
    public var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }

    /// e.g. `2.5 s`.
    public var secondsText: String {
        let value = seconds
        return value.rounded() == value ? "\(Int(value)) s" : "\(value) s"
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        self = .nanoseconds(Int64(min(duration.seconds, 9e9) * 1e9))
    }
}
