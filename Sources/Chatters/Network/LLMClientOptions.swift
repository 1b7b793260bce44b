import Foundation
import LabYAML
import LLM
import Transport

/// The options of chatters that talk to an LLM on the side (a simulated user): where it is and how to reach it.
///
/// `base_url` falls back to the `OPENAI_BASE_URL` environment variable, and the key to `api_key_env` or else
/// `OPENAI_API_KEY`; with neither a `base_url` nor `OPENAI_BASE_URL` there is no LLM (``client(_:context:environment:)``
/// returns `nil`).
public enum LLMClientOptions {
    public static let options: [(key: String, meaning: String)] = [
        ("base_url", "the LLM's OpenAI-compatible API root (default: $OPENAI_BASE_URL; none: no LLM)"),
        ("api_key_env", "environment variable holding its key (default OPENAI_API_KEY when set)"),
        ("timeout", "seconds for each LLM answer (default 60)"),
    ] + NetworkOptions.retryOptions + NetworkOptions.connectionOptions

    public static func client(_ options: YAMLMap, context: ChatterContext,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> OpenAIClient? {
        let baseURL: Endpoint
        if let value = options["base_url"] {
            baseURL = try Endpoint.read(value, schemes: ["http", "https"])
        } else if let text = environment["OPENAI_BASE_URL"], !text.isEmpty {
            guard let endpoint = Endpoint(text, schemes: ["http", "https"]) else {
                throw ConfigError.fileProblem(file: "OPENAI_BASE_URL", problem: "is '\(Excerpt.of(text))', which is not an http(s) address",
                    fix: "Set it to the API root, e.g. https://api.openai.com/v1.")
            }
            baseURL = endpoint
        } else {
            return nil
        }
        var key: String?
        if let keyValue = options["api_key_env"] {
            let name = try keyValue.nonEmptyString()
            guard let value = environment[name], !value.isEmpty else {
                throw keyValue.badValue("names the environment variable '\(name)', which is not set",
                    fix: "Set \(name) to the API key before running chatlab, or leave 'api_key_env' out.")
            }
            key = value
        } else if let value = environment["OPENAI_API_KEY"], !value.isEmpty {
            key = value
        }
        return OpenAIClient(baseURL: baseURL, apiKey: key, timeout: try NetworkOptions.timeout(options, default: 60),
            retry: try NetworkOptions.retry(options), settings: try NetworkOptions.clientSettings(options, context: context))
    }
}
