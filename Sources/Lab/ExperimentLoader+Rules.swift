import Foundation
import LabYAML
import Rules

extension ExperimentLoader {
    /// `rules:`: rule files or folders of them, relative to the config; every file is read and every expression
    /// parsed now, so a config with a broken rule fails `validate` and `run` before anything runs.
    static func loadRules(_ value: YAMLValue?, configFolder: String) throws -> [Rule] {
        guard let value else { return [] }
        let paths = try value.nonEmptyStringList().map { path in
            path.hasPrefix("/") ? path : (configFolder.isEmpty ? path : "\(configFolder)/\(path)")
        }
        do {
            return try RuleFileLoader.load(paths: paths)
        } catch {
            if case .config(let config) = error, case .unreadable(let file, let reason) = config, paths.contains(file) {
                throw value.badValue("names '\(Excerpt.of(file))', which cannot be read: \(reason)", fix: "Give rule files or folders relative to the config.")
            }
            throw error
        }
    }
}
