import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A blocking JSON POST over Foundation's URLSession, for scorers (which are synchronous).
public enum HTTPJSON {
    /// Why a request gave no usable answer.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        /// True when the request timed out.
        public var timedOut: Bool

        public init(_ message: String, timedOut: Bool = false) {
            self.message = message
            self.timedOut = timedOut
        }

        public var description: String { message }
    }

    /// Sends `body` to `url` and returns the response body of a 2xx answer.
    public static func post(_ url: URL, body: Data, headers: [String: String] = [:], timeout: Double) throws -> Data {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let box = ResultBox()
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            box.set(data: data, response: response, error: error)
        }
        task.resume()
        guard box.wait(seconds: timeout) else {
            task.cancel()
            throw Failure("timed out after \(format(timeout)) s", timedOut: true)
        }
        let (data, response, error) = box.get()
        if let error {
            let code = (error as? URLError)?.code
            if code == .timedOut { throw Failure("timed out after \(format(timeout)) s", timedOut: true) }
            throw Failure("request failed: \(error.localizedDescription)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            let text = String(decoding: (data ?? Data()).prefix(200), as: UTF8.self)
            throw Failure("HTTP \(status)\(text.isEmpty ? "" : ": \(text)")")
        }
        return data ?? Data()
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

/// Carries a URLSession completion to the waiting thread.
/// `@unchecked Sendable`: the fields are only touched under `lock`, and read after the semaphore signals.
private final class ResultBox: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var data: Data?
    private var response: URLResponse?
    private var error: Error?

    func set(data: Data?, response: URLResponse?, error: Error?) {
        lock.lock()
        self.data = data
        self.response = response
        self.error = error
        lock.unlock()
        done.signal()
    }

    func wait(seconds: Double) -> Bool { done.wait(timeout: .now() + seconds) == .success }

    func get() -> (Data?, URLResponse?, Error?) {
        lock.lock()
        defer { lock.unlock() }
        return (data, response, error)
    }
}
