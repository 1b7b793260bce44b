import Foundation
import LabYAML

/// The options of an `openai` chatter, read and checked when the config is loaded.
struct OpenAISettings {
    var baseURL: Endpoint
    var model: String
    var headers: HeaderSettings
    var temperature: Double?
    var maxTokens: Int?
    var seed: Int?
    var system: String?
    var stream: Bool
    var timeout: Duration
    var retry: RetryPolicy
    var maxReplyBytes: Int

    init(_ options: YAMLMap, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        baseURL = try Endpoint.read(try options.required("base_url"), schemes: ["http"])
        model = try options.required("model").nonEmptyString()
        headers = HeaderSettings()
        if let keyValue = options["api_key_env"] {
            let name = try keyValue.nonEmptyString()
            guard let key = environment[name], !key.isEmpty else {
                throw keyValue.badValue(
                    "names the environment variable '\(name)', which is not set",
                    fix: "Set \(name) to the API key before running chatlab, or leave 'api_key_env' out for a local server.")
            }
            headers.add(name: "Authorization", value: "Bearer \(key)")
        }
        temperature = try options["temperature"]?.double(in: 0...2)
        maxTokens = try options["max_tokens"]?.int(in: 1...1_000_000)
        seed = try options["seed"]?.int()
        system = try options["system"]?.string()
        stream = try options["stream"]?.bool() ?? false
        timeout = try NetworkOptions.timeout(options)
        retry = try NetworkOptions.retry(options)
        maxReplyBytes = try NetworkOptions.maxReplyBytes(options)
    }

    func chatter() -> OpenAIChatter {
        OpenAIChatter(
            endpoint: baseURL.appending("/chat/completions"), model: model, headers: headers,
            temperature: temperature, maxTokens: maxTokens, seed: seed, system: system, stream: stream,
            timeout: timeout, retry: retry, maxReplyBytes: maxReplyBytes)
    }
}
