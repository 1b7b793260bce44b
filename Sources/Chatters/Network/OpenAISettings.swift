import Foundation
import Transport
import LLM
import LabYAML

/// The options of an `openai` chatter, read and checked when the config is loaded.
struct OpenAISettings {
    var baseURL: Endpoint
    var model: String
    var apiKey: String?
    var headers: HeaderSettings
    var temperature: Double?
    var maxTokens: Int?
    var seed: Int?
    var system: String?
    var stream: Bool
    var timeout: Duration
    var firstByteTimeout: Duration?
    var retry: RetryPolicy
    var settings: ClientSettings
    var maxReplyBytes: Int

    init(_ options: YAMLMap, context: ChatterContext,
         environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        baseURL = try Endpoint.read(try options.required("base_url"), schemes: ["http", "https"])
        model = try options.required("model").nonEmptyString()
        headers = try HeaderSettings(yaml: options["headers"], environment: environment)
        if let keyValue = options["api_key_env"] {
            let name = try keyValue.nonEmptyString()
            guard let key = environment[name], !key.isEmpty else {
                throw keyValue.badValue(
                    "names the environment variable '\(name)', which is not set",
                    fix: "Set \(name) to the API key before running chatlab, or leave 'api_key_env' out for a local server.")
            }
            apiKey = key
        }
        temperature = try options["temperature"]?.double(in: 0...2)
        maxTokens = try options["max_tokens"]?.int(in: 1...1_000_000)
        seed = try options["seed"]?.int()
        system = try options["system"]?.string()
        stream = try options["stream"]?.bool() ?? false
        timeout = try NetworkOptions.timeout(options)
        firstByteTimeout = try NetworkOptions.firstByteTimeout(options)
        retry = try NetworkOptions.retry(options)
        settings = try NetworkOptions.clientSettings(options, context: context)
        maxReplyBytes = try NetworkOptions.maxReplyBytes(options)
    }

    func chatter() -> OpenAIChatter {
        let client = OpenAIClient(
            baseURL: baseURL, apiKey: apiKey, headers: headers, timeout: timeout, firstByteTimeout: firstByteTimeout, retry: retry,
            settings: settings, maxReplyBytes: maxReplyBytes)
        return OpenAIChatter(
            client: client, model: model, temperature: temperature, maxTokens: maxTokens, seed: seed, system: system,
            stream: stream)
    }
}
