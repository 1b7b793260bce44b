import Foundation
import Transport
import LabYAML

/// Makes the `toxicity` scorer from its config options (`scorers.toxicity`).
///
/// `backend: offline` (default) uses the installed profanity model; `moderation` an OpenAI-compatible moderation
/// endpoint at `base_url`; `classifier` a generic endpoint at `url`. `api_key_env` names the environment variable
/// holding a bearer token; `threshold` is the default threshold of every category (offline 0.75, endpoints 0.1) and
/// `thresholds` sets single categories; `timeout` is in seconds (default 30).
public enum ToxicityScorerFactory {
    public static let options: [String: String] = [
        "backend": "offline (default: the installed alt-profanity-check model), moderation or classifier",
        "base_url": "moderation: the API root; requests go to {base_url}/moderations",
        "url": "classifier: the endpoint that takes {\"text\": ...} and answers {category: score}",
        "api_key_env": "environment variable holding the bearer token (optional)",
        "threshold": "fail above this score in any category (offline default 0.75, endpoints 0.1)",
        "thresholds": "per category, e.g. {insult: 0.2, threat: 0.05}",
        "timeout": "seconds per request (default 30)",
    ]

    /// The offline model, loaded once per process.
    static let sharedModel: Result<ProfanityModel, Error> = Result { try ProfanityModel.installed() }

    public static func make(_ options: YAMLMap) throws -> ToxicityScorer {
        let backendName = try options["backend"]?.choice(["offline", "moderation", "classifier"]) ?? "offline"
        let timeout = try options["timeout"]?.double(in: 0.001...3600) ?? 30
        let apiKey = try apiKey(options)
        let backend: any ToxicityBackend
        switch backendName {
        case "moderation":
            backend = ModerationBackend(baseURL: try url(options, "base_url"), apiKey: apiKey, timeout: timeout)
        case "classifier":
            backend = ClassifierBackend(url: try url(options, "url"), apiKey: apiKey, timeout: timeout)
        default:
            switch sharedModel {
            case .success(let model): backend = OfflineToxicityBackend(model: model)
            case .failure(let error):
                let place = options["backend"] ?? options.owner
                throw place.badValue("needs the offline toxicity model, which cannot be loaded: \(error)",
                    fix: "Run \(ModelDirectory.installCommand), choose another backend, or set enabled: false.")
            }
        }
        let offline = backendName == "offline"
        let fallback = try options["threshold"]?.double(in: 0...1)
            ?? (offline ? ToxicityScorer.offlineThreshold : ToxicityScorer.categoryThreshold)
        var thresholds: [String: Double] = [:]
        if let map = try options["thresholds"]?.mapping("thresholds", allowed: backend.categories) {
            for key in map.keys { thresholds[key] = try map.required(key).double(in: 0...1) }
        }
        return ToxicityScorer(backend: backend, thresholds: thresholds, defaultThreshold: fallback)
    }

    static func url(_ options: YAMLMap, _ key: String) throws -> URL {
        let value = try options.required(key)
        let text = try value.nonEmptyString()
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme) else {
            throw value.badValue("is '\(Excerpt.of(text))', which is not an http(s) URL", fix: "Write e.g. http://127.0.0.1:8000/v1.")
        }
        return url
    }

    /// `url` as the network layer's endpoint (``url(_:_:)`` has checked its scheme).
    static func endpoint(_ url: URL, _ options: YAMLMap, _ key: String) throws -> Endpoint {
        guard let endpoint = Endpoint(url.absoluteString, schemes: ["http", "https"]) else {
            throw try options.required(key).badValue("is not an http(s) URL with a host", fix: "Write e.g. http://127.0.0.1:8000/v1.")
        }
        return endpoint
    }

    /// `ca_file` (relative to the config file) and `insecure`, for an https endpoint with a private or self-signed
    /// certificate.
    static func tls(_ options: YAMLMap) throws -> TLSSettings {
        var tls = TLSSettings(insecure: try options["insecure"]?.bool() ?? false)
        if let value = options["ca_file"] {
            let name = try value.nonEmptyString()
            tls.caFile = name.hasPrefix("/")
                ? name : URL(fileURLWithPath: value.file).deletingLastPathComponent().appendingPathComponent(name).path
            do {
                try tls.checkCAFile()
            } catch {
                throw value.badValue("names \(error)", fix: "Give the PEM file of the CA that signed the server's certificate.")
            }
        }
        return tls
    }

    static func apiKey(_ options: YAMLMap) throws -> String? {
        guard let value = options["api_key_env"] else { return nil }
        let name = try value.nonEmptyString()
        guard let key = ProcessInfo.processInfo.environment[name], !key.isEmpty else {
            throw value.badValue("names the environment variable \(name), which is not set", fix: "Export \(name), or leave the key out.")
        }
        return key
    }
}
