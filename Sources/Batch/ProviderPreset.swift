/// Named hosted (or local) OpenAI-compatible APIs a matrix can name instead of a base URL and key variable.
public struct ProviderPreset: Sendable, Hashable {
    public var id: String
    public var baseURL: String
    /// `nil` for servers that take no key.
    public var keyVariable: String?

    /// Every preset, one entry each (a test checks the ids are unique).
    public static let all: [ProviderPreset] = [
        ProviderPreset(id: "openai", baseURL: "https://api.openai.com/v1", keyVariable: "OPENAI_API_KEY"),
        ProviderPreset(id: "groq", baseURL: "https://api.groq.com/openai/v1", keyVariable: "GROQ_API_KEY"),
        ProviderPreset(id: "together", baseURL: "https://api.together.xyz/v1", keyVariable: "TOGETHER_API_KEY"),
        ProviderPreset(id: "mistral", baseURL: "https://api.mistral.ai/v1", keyVariable: "MISTRAL_API_KEY"),
        ProviderPreset(id: "openrouter", baseURL: "https://openrouter.ai/api/v1", keyVariable: "OPENROUTER_API_KEY"),
        ProviderPreset(id: "deepseek", baseURL: "https://api.deepseek.com/v1", keyVariable: "DEEPSEEK_API_KEY"),
        ProviderPreset(id: "fireworks", baseURL: "https://api.fireworks.ai/inference/v1", keyVariable: "FIREWORKS_API_KEY"),
        ProviderPreset(id: "ollama", baseURL: "http://127.0.0.1:11434/v1", keyVariable: nil),
        ProviderPreset(id: "vllm", baseURL: "http://127.0.0.1:8000/v1", keyVariable: nil),
    ]

    public static func named(_ id: String) -> ProviderPreset? { all.first { $0.id == id } }
}
