import Foundation
import LabYAML
import Transport

/// Makes the `llm_judge` scorer from `scorers.llm_judge`.
public enum LLMJudgeFactory {
    public static let options: [String: String] = [
        "base_url": "the OpenAI-compatible API root; requests go to {base_url}/chat/completions (required)",
        "model": "the model name sent with each request (required)",
        "api_key_env": "environment variable holding the bearer token (optional)",
        "rubric": "answers (default: probe replies against the expected answer), coherence, toxicity or free",
        "instructions": "the criterion of the free rubric",
        "pairwise": "answers: compare reply and expected answer in both orders; disagreement is 'inconsistent' (default false)",
        "tokens": "coherence: white-space tokens of conversation shown (default 200)",
        "max_retries": "extra requests after a malformed answer or a network failure (default 2)",
        "timeout": "seconds per request (default 60)",
        "ca_file": "PEM file of a private CA to trust for an https base_url, relative to the config",
        "insecure": "true to accept any server certificate (self-signed test servers only)",
        "cache_dir": "response cache folder (default <models>/../cache/llm-judge)",
        "max_requests": "requests allowed per experiment; later cells are skipped with 'budget spent'",
        "max_tokens": "tokens (usage.total_tokens) allowed per experiment",
    ]

    public static func make(_ options: YAMLMap) throws -> LLMJudgeScorer {
        let base = try ToxicityScorerFactory.url(options, "base_url")
        let model = try options.required("model").nonEmptyString()
        let rubricName = try options["rubric"]?.choice(["answers", "coherence", "toxicity", "free"]) ?? "answers"
        let rubric: JudgeRubric
        switch rubricName {
        case "coherence": rubric = .coherence(tokenBudget: try options["tokens"]?.int(in: 1...100_000) ?? 200)
        case "toxicity": rubric = .toxicity
        case "free": rubric = .free(instructions: try options.required("instructions").nonEmptyString())
        default: rubric = .answers(pairwise: try options["pairwise"]?.bool() ?? false)
        }
        let cacheFolder = try options["cache_dir"].map { value -> URL in
            let path = try value.nonEmptyString()
            let relative = URL(fileURLWithPath: value.file).deletingLastPathComponent()
            return path.hasPrefix("/") ? URL(fileURLWithPath: path) : relative.appendingPathComponent(path)
        } ?? ModelDirectory.cache("llm-judge")
        let client = LLMJudgeClient(
            baseURL: try ToxicityScorerFactory.endpoint(base, options, "base_url"), model: model, apiKey: try ToxicityScorerFactory.apiKey(options),
            timeout: try options["timeout"]?.double(in: 0.001...3600) ?? 60,
            maxRetries: try options["max_retries"]?.int(in: 0...20) ?? 2,
            cache: JudgeCache(folder: cacheFolder),
            budget: JudgeBudget(
                maxRequests: try options["max_requests"]?.int(in: 0...Int.max),
                maxTokens: try options["max_tokens"]?.int(in: 0...Int.max)),
            settings: ClientSettings(tls: try ToxicityScorerFactory.tls(options)))
        return LLMJudgeScorer(rubric: rubric, client: client)
    }
}
