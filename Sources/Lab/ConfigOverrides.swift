import LabCore
import LabYAML
import Scoring

/// `analyze --set key.path=value`: overrides applied to a report folder's saved config, checked against the keys a
/// config may have at each place (top-level keys, scorer ids, each scorer's options, report keys, threshold codes and
/// their limits) beside those the
/// config already has.
public enum ConfigOverrides {
    /// The effective config text.
    /// - Throws: ``YAMLOverrideError`` naming an unknown key and the known ones; the loader's ``ConfigError`` later
    ///   catches a value a key does not take.
    public static func apply(_ overrides: [YAMLOverride], to text: String, file: String) throws -> String {
        try YAMLOverride.apply(overrides, to: text, file: file, known: knownKeys)
    }

    /// The keys a config may have under `path` (empty where the config's own keys are all there is to know).
    static func knownKeys(_ path: [String]) -> [String] {
        switch path.count {
        case 0:
            return ExperimentLoader.topKeys
        case 1 where path[0] == "scorers":
            return ScorerRegistry.all.map(\.id) + ["answers"]
        case 1 where path[0] == "report":
            return ExperimentLoader.reportKeys
        case 1 where path[0] == "thresholds":
            return CheckCatalogue.builtIn.codes
        case 2 where path[0] == "thresholds":
            return Threshold.keys(for: path[1])
        case 2 where path[0] == "scorers":
            if path[1] == "answers" { return ScorerRegistry.answerOptions.keys.sorted() }
            return ScorerRegistry.all.first { $0.id == path[1] }.map { $0.options.keys.sorted() } ?? []
        default:
            return []
        }
    }
}
