import Foundation
import LabCore
import LabYAML

/// Reads a matrix file (see the README's "Batch evaluations"); every problem is a ``ConfigError`` with file:line and
/// the fix. Question files are found relative to the matrix file's folder.
public enum MatrixLoader {
    static let keys = [
        "name", "seed", "providers", "questions", "questions_per_batch", "request", "budget", "schedule", "database",
    ]

    public static func load(path: String) throws -> BatchMatrix {
        let root = try YAMLValue.read(path: path)
        let map = try root.mapping("the matrix", allowed: keys)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let providers = try map.required("providers").list().map(provider)
        try unique(providers.map(\.name), in: map.required("providers"), what: "provider name")
        if providers.isEmpty { throw try map.required("providers").badValue("is empty", fix: "Name at least one provider.") }
        let questions = try map.required("questions").list().flatMap { try questionSet($0, folder: folder) }
        try unique(questions.map(\.id), in: map.required("questions"), what: "question id")
        if questions.isEmpty { throw try map.required("questions").badValue("holds no question", fix: "Add questions.") }
        var matrix = BatchMatrix(
            name: try map.required("name").nonEmptyString(), seed: try map["seed"]?.seed() ?? 1, providers: providers,
            questions: questions, request: try map["request"].map(request) ?? BatchMatrix.RequestSettings(),
            budget: try map["budget"].map(budget) ?? BatchBudget(), schedule: try map["schedule"].map(schedule),
            database: try map["database"]?.nonEmptyString())
        matrix.questionsPerBatch = try map["questions_per_batch"]?.int(in: 1...questions.count)
        return matrix
    }

    static func provider(_ value: YAMLValue) throws -> BatchMatrix.Provider {
        let map = try value.mapping(
            "a provider", allowed: ["name", "preset", "base_url", "key_env", "models", "concurrency", "rate"])
        var preset: ProviderPreset?
        if let node = map["preset"] {
            // `choice` refuses an unknown preset with the valid ones and the nearest.
            preset = ProviderPreset.named(try node.choice(ProviderPreset.all.map(\.id)))
        }
        guard let baseURL = try map["base_url"]?.nonEmptyString() ?? preset?.baseURL else {
            throw ConfigError.missingKey(map.owner.location, key: "base_url (or preset)", context: "a provider")
        }
        if let node = map["base_url"], URL(string: baseURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw node.badValue("is not an http(s) URL", fix: "Write the API root, e.g. https://api.openai.com/v1.")
        }
        let modelsNode = try map.required("models")
        let models = try modelsNode.list().map(model)
        if models.isEmpty { throw modelsNode.badValue("is empty", fix: "Name at least one model.") }
        try unique(models.map(\.name), in: modelsNode, what: "model")
        return BatchMatrix.Provider(
            name: try map["name"]?.nonEmptyString() ?? preset?.id ?? map.required("name").nonEmptyString(),
            baseURL: baseURL, keyVariable: try map["key_env"]?.nonEmptyString() ?? preset?.keyVariable, models: models,
            concurrency: try map["concurrency"]?.int(in: 1...256) ?? 1, rate: try map["rate"]?.double(in: 0.001...10_000))
    }

    static func model(_ value: YAMLValue) throws -> BatchMatrix.Model {
        guard value.isMapping else { return BatchMatrix.Model(name: try value.nonEmptyString()) }
        let map = try value.mapping("a model", allowed: ["name", "price"])
        return BatchMatrix.Model(
            name: try map.required("name").nonEmptyString(), price: try map["price"].map(price))
    }

    /// `price: {input: 0.15, output: 0.6}` per million prompt and completion tokens.
    static func price(_ value: YAMLValue) throws -> TokenPrice {
        let map = try value.mapping("price", allowed: ["input", "output"])
        return TokenPrice(input: try map.required("input").double(in: 0...1_000_000),
                          output: try map.required("output").double(in: 0...1_000_000))
    }

    /// `{file: questions/retail.yaml, industry: retail}` or `{industry: retail, questions: [...]}`.
    static func questionSet(_ value: YAMLValue, folder: String) throws -> [Question] {
        let map = try value.mapping("a question set", allowed: ["file", "industry", "questions"])
        let industry = try map.required("industry").nonEmptyString()
        switch (map["file"], map["questions"]) {
        case (let file?, nil):
            let name = try file.nonEmptyString()
            let path = name.hasPrefix("/") ? name : "\(folder)/\(name)"
            guard FileManager.default.fileExists(atPath: path) else {
                throw file.badValue("names a file that does not exist (\(path))", fix: "Give a path relative to the matrix file.")
            }
            return try QuestionReader.read(path: path, industry: industry)
        case (nil, let list?):
            return try list.list().map { try QuestionReader.question($0, industry: industry) }
        default:
            throw value.badValue("needs exactly one of 'file' and 'questions'", fix: "Name a question file or list the questions.")
        }
    }

    static func request(_ value: YAMLValue) throws -> BatchMatrix.RequestSettings {
        let map = try value.mapping(
            "request", allowed: ["stream", "system", "temperature", "max_tokens", "timeout", "retries"])
        var settings = BatchMatrix.RequestSettings()
        settings.stream = try map["stream"]?.bool() ?? true
        settings.system = try map["system"]?.nonEmptyString()
        settings.temperature = try map["temperature"]?.double(in: 0...2)
        settings.maxTokens = try map["max_tokens"]?.int(in: 1...1_000_000)
        settings.timeout = try map["timeout"].map { try duration($0) } ?? 60
        settings.retries = try map["retries"]?.int(in: 0...10) ?? 2
        return settings
    }

    static func budget(_ value: YAMLValue) throws -> BatchBudget {
        let map = try value.mapping("budget", allowed: ["max_calls", "max_tokens", "max_cost"])
        return BatchBudget(
            maxCalls: try map["max_calls"]?.int(in: 1...100_000_000), maxTokens: try map["max_tokens"]?.int(in: 1...Int.max),
            maxCost: try map["max_cost"]?.double(in: 0...1_000_000_000))
    }

    /// `{every: 51m, for: 4d}` or `{times: 14, per: 12h, for: 4d}`, with `missed: catch-up | skip`.
    static func schedule(_ value: YAMLValue) throws -> ScheduleSettings {
        let map = try value.mapping("schedule", allowed: ["every", "times", "per", "for", "missed"])
        let total = try duration(map.required("for"))
        let missed = try map["missed"].map {
            ScheduleSettings.MissedSlots(rawValue: try $0.choice(ScheduleSettings.MissedSlots.allCases.map(\.rawValue)))!
        } ?? .catchUp
        switch (map["every"], map["times"], map["per"]) {
        case (let every?, nil, nil):
            let seconds = try duration(every)
            if seconds > total { throw every.badValue("is longer than 'for'", fix: "Make 'every' at most 'for'.") }
            return ScheduleSettings(every: seconds, for: total, missed: missed)
        case (nil, let times?, let per?):
            return ScheduleSettings(
                times: try times.int(in: 1...100_000), per: try duration(per), for: total, missed: missed)
        default:
            throw value.badValue(
                "needs either 'every' or both 'times' and 'per'", fix: "Write every: 51m, or times: 14 and per: 12h.")
        }
    }

    static func duration(_ value: YAMLValue) throws -> Double {
        guard let seconds = DurationText.seconds(try value.string()) else {
            throw value.badValue("is not a duration", fix: DurationText.fix)
        }
        return seconds
    }

    /// Refuses a repeated name, naming the list and the repeat.
    static func unique(_ names: [String], in list: YAMLValue, what: String) throws {
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw list.badValue("repeats the \(what) '\(Excerpt.of(name))'", fix: "Make each \(what) unique.")
        }
    }
}
