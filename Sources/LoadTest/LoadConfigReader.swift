import Foundation
import LabCore
import LabYAML
import Scoring

/// Reads a load test's config file: a YAML mapping under `load:` with the keys of `chatlab load`'s options
/// (`prompts`, `bot`, `connections`, `rate`, ... written with underscores), so a load test can be kept in a file
/// and reviewed like an experiment. Paths are relative to the file's folder. Every mistake is a file:line error
/// with the fix.
public struct LoadConfigReader: Sendable {
    public var services: ScoringServices

    public init(services: ScoringServices = ScoringServices()) {
        self.services = services
    }

    /// The keys a `load:` mapping may have.
    public static let keys = [
        "prompts", "bot", "connections", "rate", "think", "messages", "duration", "connection", "steps", "pause",
        "per_user", "max_samples", "seed", "text_field", "intent_field", "refcount_field", "answer_field",
        "intent_data", "references_data", "server_error", "throttled", "fail_on", "out", "zip", "max_length",
        "scorers",
    ]

    /// Whether the YAML file at `path` is a load config (its document has a top-level `load:` key).
    public static func isLoadConfig(_ path: String) -> Bool {
        guard let root = try? YAMLValue.read(path: path), root.isMapping,
              let map = try? root.mapping("the file") else { return false }
        return map.keys.contains("load")
    }

    public func read(path: String) throws -> LoadSettings {
        let root = try YAMLValue.read(path: path)
        let top = try root.mapping("a load config", allowed: ["load"])
        let map = try top.required("load").mapping("load", allowed: Self.keys)
        let folder = (path as NSString).deletingLastPathComponent
        func resolve(_ file: String) -> String {
            file.hasPrefix("/") || folder.isEmpty ? file : Self.joined(folder, file)
        }
        var settings = LoadSettings()
        if let value = map["prompts"] {
            settings.prompts = try (value.isList ? value.nonEmptyStringList() : [value.nonEmptyString()]).map(resolve)
        }
        settings.bot = try map["bot"].map { resolve(try $0.nonEmptyString()) }
        settings.connections = try map["connections"]?.int(in: 1...100_000) ?? settings.connections
        if let value = map["rate"] {
            let text = value.isPlainInt || value.isPlainFloat ? "\(try value.double())" : try value.string()
            do { settings.rate = try LoadSettings.parseRate(text) } catch let error as LoadError {
                throw value.badValue(error.problem, fix: error.fix)
            }
        }
        settings.think = try map["think"]?.double(in: 0...3600) ?? settings.think
        settings.messages = try map["messages"]?.int(in: 1...100_000_000)
        settings.duration = try map["duration"]?.double(in: 0.001...86_400)
        if let value = map["connection"] {
            settings.connection = LoadPlan.Connections(rawValue: try value.choice(LoadPlan.Connections.allCases.map(\.rawValue)))!
        }
        if let value = map["steps"] {
            let text = value.isPlainInt ? "\(try value.int())" : try value.string()
            do { settings.steps = try StepLoad.parseSteps(text) } catch let error as LoadError {
                throw value.badValue(error.problem, fix: error.fix)
            }
            settings.stepsText = text
        }
        settings.pause = try map["pause"]?.double(in: 0...3600) ?? settings.pause
        settings.perUser = try map["per_user"]?.int(in: 1...1_000_000)
        settings.maxSamples = try map["max_samples"]?.int(in: 1...100_000_000)
        settings.seed = try map["seed"]?.seed() ?? settings.seed
        settings.fields = PromptFields(
            text: try map["text_field"]?.nonEmptyString() ?? settings.fields.text,
            intent: try map["intent_field"]?.nonEmptyString() ?? settings.fields.intent,
            referenceCount: try map["refcount_field"]?.nonEmptyString() ?? settings.fields.referenceCount,
            answer: try map["answer_field"]?.nonEmptyString() ?? settings.fields.answer)
        settings.replyFields = ReplyFields(
            intent: try map["intent_data"]?.nonEmptyString() ?? settings.replyFields.intent,
            references: try map["references_data"]?.nonEmptyString() ?? settings.replyFields.references)
        settings.patterns = ErrorPatterns(
            serverError: try map["server_error"]?.nonEmptyStringList() ?? ErrorPatterns.defaultServerError,
            throttled: try map["throttled"]?.nonEmptyStringList() ?? ErrorPatterns.defaultThrottled)
        if let value = map["fail_on"] {
            for item in try value.list() {
                do { settings.thresholds.append(try LoadThreshold(try item.nonEmptyString())) } catch let error as LoadError {
                    throw item.badValue(error.problem, fix: error.fix)
                }
            }
        }
        settings.out = try map["out"].map { resolve(try $0.nonEmptyString()) } ?? settings.out
        settings.zip = try map["zip"]?.bool() ?? false
        settings.maxLength = try map["max_length"]?.int(in: 1...100_000_000)
        if let value = map["scorers"] { settings.scorers = try scorers(value) }
        return settings
    }

    /// `folder/file` with `name/..` pairs taken out (`config/../loadtests/a.jsonl` is `loadtests/a.jsonl`).
    static func joined(_ folder: String, _ file: String) -> String {
        var parts: [Substring] = []
        for part in (folder + "/" + file).split(separator: "/", omittingEmptySubsequences: false) {
            if part == ".." && !parts.isEmpty && parts.last != ".." && parts.last != "" {
                parts.removeLast()
            } else if part != "." || parts.isEmpty {
                parts.append(part)
            }
        }
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The named scorers (a mentioned scorer runs unless it says `enabled: false`), each made from its options.
    func scorers(_ value: YAMLValue) throws -> [any Scorer] {
        let map = try value.mapping("scorers", allowed: ScorerRegistry.all.map(\.id))
        var scorers: [any Scorer] = []
        for kind in ScorerRegistry.all {
            guard let entry = map[kind.id] ?? map.keyNode(kind.id) else { continue }
            let options = entry.isMapping
                ? try entry.mapping("scorer '\(kind.id)'", allowed: ["enabled"] + kind.options.keys.sorted())
                : YAMLMap.empty(file: value.file, context: kind.id)
            guard try options["enabled"]?.bool() ?? true else { continue }
            scorers.append(try kind.make(options, services))
        }
        return scorers
    }

    /// The scorers named by `--score` options, with their default options.
    public func scorers(named ids: [String]) throws -> [any Scorer] {
        try ids.map { id in
            guard let kind = ScorerRegistry.kind(id) else {
                throw LoadError("--score \(id)", "is not a scorer",
                                fix: "Use one of: " + ScorerRegistry.all.map(\.id).joined(separator: ", ") + ".")
            }
            return try kind.make(.empty(file: "--score", context: id), services)
        }
    }
}
