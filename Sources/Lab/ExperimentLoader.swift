import Chatters
import Foundation
import LabCore
import LabYAML
import Scoring

/// Reads an experiment YAML file into a validated ``Experiment``.
///
/// Unknown keys, wrong types and impossible values are rejected with a ``ConfigError`` that names the file, line
/// and column, and says how to fix it.
public struct ExperimentLoader: Sendable {
    static let topKeys = [
        "name", "seed", "runs", "rounds", "first_speaker", "under_test", "on_error", "concurrency", "rate_limit",
        "session_id", "max_consecutive_errors", "chatters", "probes", "scorers", "thresholds", "report",
        "rules",
    ]
    static let chatterKeys = ["kind", "name", "memory"]
    static let reportKeys = ["out", "show_binary", "show_detailed", "show_interpretation"]

    public var context: ChatterContext
    /// When false, chatter settings are checked but no chatter is made (for re-analysis, which talks to none).
    public var makesChatters: Bool
    /// What scorer factories may use (the sentence encoder).
    public var services: LabServices

    public init(context: ChatterContext = ChatterContext(), makesChatters: Bool = true, services: LabServices = LabServices()) {
        self.context = context
        self.makesChatters = makesChatters
        self.services = services
    }

    /// Loads and validates the file at `path`.
    public func load(path: String) throws -> Experiment {
        try load(text: InputFile.text(atPath: path), path: path)
    }

    /// Validates configuration text; `path` is used in messages and to resolve relative file names.
    public func load(text: String, path: String) throws -> Experiment {
        let root = try YAMLValue.parse(text, file: path).mapping("the experiment", allowed: Self.topKeys)
        let probes = try root["probes"].map { try ProbeConfig.load($0, configFolder: (path as NSString).deletingLastPathComponent) }
        let defaultName = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let name = try root["name"]?.nonEmptyString() ?? defaultName
        try checkName(name, root["name"])
        let scorers = try loadScorers(root["scorers"], probes: probes)
        var codes: [String] = []
        for code in scorers.map(\.code) where !codes.contains(code) { codes.append(code) }  // as Experiment.scoredCodes
        var experiment = Experiment(
            name: name,
            seed: try root["seed"]?.seed() ?? 1,
            runs: try root["runs"]?.int(in: 1...100_000) ?? 1,
            rounds: try root["rounds"]?.int(in: 1...100_000) ?? 10,
            firstSpeaker: try root["first_speaker"].map(seat) ?? .chatter1,
            underTest: try root["under_test"].map(underTest) ?? [.chatter2],
            onError: try root["on_error"].map {
                Experiment.OnError(rawValue: try $0.choice(Experiment.OnError.allCases.map(\.rawValue)))!
            } ?? .continue,
            concurrency: try root["concurrency"]?.int(in: 1...10_000) ?? 1,
            rateLimit: try root["rate_limit"]?.double(in: 0.001...1_000_000),
            chatters: try loadChatters(root.required("chatters"), base: (path as NSString).deletingLastPathComponent),
            probes: probes,
            scorers: scorers,
            report: try loadReport(root["report"]),
            configText: text,
            configPath: path,
            sessionID: try root["session_id"].map(sessionID),
            maxConsecutiveErrors: try root["max_consecutive_errors"]?.int(in: 0...100_000) ?? 5,
            thresholds: try root["thresholds"].map { try Threshold.load($0, codes: codes) } ?? [])
        experiment.rules = try Self.loadRules(root["rules"], configFolder: (path as NSString).deletingLastPathComponent)
        return experiment
    }

    /// A pinned execution id: 1 to 64 letters, digits, '-', '_' or '.', so it fits in any session id or URL.
    private func sessionID(_ value: YAMLValue) throws -> String {
        let id = try value.nonEmptyString()
        guard id.count <= 64, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) else {
            throw value.badValue("is '\(Excerpt.of(id))', which is not a plain id",
                fix: "Use at most 64 ASCII letters, digits, '-', '_' or '.', e.g. 'session_id: fixed-1'.")
        }
        return id
    }

    private func checkName(_ name: String, _ value: YAMLValue?) throws {
        let allowed = name.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
        if !allowed, let value {
            throw value.badValue("is '\(Excerpt.of(name))', which has characters unfit for a folder name",
                fix: "Use letters, digits, '-', '_' or '.'.")
        }
    }

    private func seat(_ value: YAMLValue) throws -> Seat {
        try value.choice(["chatter1", "chatter2"]) == "chatter1" ? .chatter1 : .chatter2
    }

    private func underTest(_ value: YAMLValue) throws -> [Seat] {
        switch try value.choice(["chatter1", "chatter2", "both"]) {
        case "chatter1": return [.chatter1]
        case "chatter2": return [.chatter2]
        default: return [.chatter1, .chatter2]
        }
    }

    private func loadChatters(_ value: YAMLValue, base: String) throws -> [Seat: ConfiguredChatter] {
        let map = try value.mapping("chatters", allowed: ["chatter1", "chatter2"])
        let specs = try Seat.allCases.map { seat in try map.required(seat.description).mapping(seat.description) }
        let names = try Seat.allCases.map { seat in
            try specs[seat.rawValue - 1]["name"]?.nonEmptyString() ?? seat.description
        }
        var result: [Seat: ConfiguredChatter] = [:]
        for seat in Seat.allCases {
            var context = self.context
            context.baseDirectory = base.isEmpty ? "." : base
            context.otherName = names[seat.other.rawValue - 1]
            result[seat] = try ChatterLoader.load(
                specs[seat.rawValue - 1], name: names[seat.rawValue - 1], context: context, makesChatter: makesChatters,
                kinds: ChatterKinds.all(services: services))
        }
        return result
    }

    private func loadScorers(_ value: YAMLValue?, probes: ProbeConfig?) throws -> [any Scorer] {
        let map = try value?.mapping("scorers", allowed: ScorerRegistry.all.map(\.id) + ["answers"])
        var scorers: [any Scorer] = []
        for kind in ScorerRegistry.all {
            let options = try map?[kind.id]?.mapping("scorer '\(kind.id)'", allowed: ["enabled"] + kind.options.keys.sorted())
            let enabled = try options?["enabled"]?.bool() ?? kind.enabledByDefault
            guard enabled else { continue }
            scorers.append(try kind.make(options ?? .empty(file: value?.file ?? "", context: kind.id), services.scoring))
        }
        if let probes {
            let options = try map?["answers"]?.mapping(
                "scorer 'answers'", allowed: ["enabled"] + ScorerRegistry.answerOptions.keys.sorted())
            if try options?["enabled"]?.bool() ?? true {
                let codes = probes.settings.enabledCodes.map {
                    ($0.rawValue, $0.title, $0.breakdown(maxDistance: probes.settings.maxDistance))
                }
                scorers += try ScorerRegistry.answerScorers(codes: codes, options: options, services: services.scoring)
            }
        }
        return scorers
    }

    private func loadReport(_ value: YAMLValue?) throws -> ReportSettings {
        guard let map = try value?.mapping("report", allowed: Self.reportKeys) else { return ReportSettings() }
        return ReportSettings(
            out: try map["out"]?.nonEmptyString() ?? "reports",
            columns: ColumnOptions(
                binary: try map["show_binary"]?.bool() ?? true,
                detailed: try map["show_detailed"]?.bool() ?? true,
                interpretation: try map["show_interpretation"]?.bool() ?? true))
    }
}
