import Foundation
import LabCore
import LabYAML
import Probes

/// The `probes:` section of an experiment: where the test sets are and how probes are drawn.
public struct ProbeConfig: Sendable {
    /// The test-set folder, resolved against the config file's folder (or the current folder when it is not there).
    public var testsets: String
    public var settings: ProbeSettings
    /// Where the test-set folder is named in the config (or the `probes:` section), for messages.
    public var location: ConfigError.Location

    static let keys = [
        "testsets", "probabilities", "max_sets", "max_distance", "perturbed_questions", "consistency_questions",
        "first_round", "p_synonym", "n_aug",
    ]

    static func load(_ value: YAMLValue, configFolder: String) throws -> ProbeConfig {
        let map = try value.mapping("probes", allowed: keys)
        var settings = ProbeSettings()
        if let probabilities = map["probabilities"] {
            let codes = ProbeCode.allCases.map(\.rawValue)
            let table = try probabilities.mapping("probes.probabilities", allowed: codes)
            var sum = 0.0
            for key in table.keys {
                let p = try table.required(key).probability()
                settings.probabilities[ProbeCode(rawValue: key)!] = p
                sum += p
            }
            if sum > 1 + 1e-9 {
                throw probabilities.badValue(
                    String(format: "add up to %.3f, more than 1", sum),
                    fix: "At most one probe starts per round, so the probabilities must add up to 1 or less.")
            }
        }
        settings.maxSets = try map["max_sets"]?.int(in: 1...1000) ?? settings.maxSets
        settings.maxDistance = try map["max_distance"]?.int(in: 1...1000) ?? settings.maxDistance
        settings.perturbedQuestions = try map["perturbed_questions"]?.int(in: 1...100) ?? settings.perturbedQuestions
        settings.consistencyQuestions = try map["consistency_questions"]?.int(in: 2...100) ?? settings.consistencyQuestions
        settings.firstRound = try map["first_round"]?.int(in: 1...100_000) ?? settings.firstRound
        settings.synonymProbability = try map["p_synonym"]?.probability() ?? 0
        settings.augmentedCopies = try map["n_aug"]?.int(in: 0...100) ?? 0
        let folder = try map["testsets"]?.nonEmptyString() ?? "testsets"
        return ProbeConfig(
            testsets: resolve(folder, against: configFolder), settings: settings,
            location: (map["testsets"] ?? value).location)
    }

    /// The test sets probes draw from, checked to hold a set for every enabled code, so no code is turned off
    /// silently. Throws ``TestSetError`` for a bad set or folder, ``ConfigError`` naming the codes left without sets.
    /// A missing test-set folder is a ``ConfigError`` at the line that names it.
    public func loadTestSets() throws -> TestSetDatabase {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: testsets, isDirectory: &isFolder), isFolder.boolValue else {
            throw ConfigError.badValue(
                location, key: "probes.testsets",
                problem: "names '\(Excerpt.of(testsets, limit: 120))', which is \(isFolder.boolValue || !FileManager.default.fileExists(atPath: testsets) ? "no folder" : "a file, not a folder")",
                fix: "Give the folder of test sets, relative to the config's folder (the demo uses '../testsets').")
        }
        let database = try TestSetDatabase.load(folder: testsets)
        let orphans = settings.enabledCodes.filter { database.sets(of: $0.setKind).isEmpty }
        guard orphans.isEmpty else {
            let kinds = Set(orphans.map(\.setKind.rawValue)).sorted().joined(separator: ", ")
            throw ConfigError.badValue(
                location, key: "probes.testsets",
                problem: "names '\(Excerpt.of(testsets, limit: 120))', which has no \(kinds) test set, so the enabled "
                    + "codes \(orphans.map(\.rawValue).joined(separator: ", ")) could draw no probe",
                fix: "Add \(kinds) sets to the folder, or set those codes' probabilities to 0.")
        }
        return database
    }

    /// How many sets of each kind the database holds, for `validate` and `check`: `CO 1, IA 3, IQ 3, QA 12`.
    public static func setsPerKind(_ database: TestSetDatabase) -> String {
        TestSet.Kind.allCases.map { kind in (kind.rawValue, database.sets(of: kind).count) }
            .sorted { $0.0 < $1.0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }

    static func resolve(_ path: String, against folder: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        let besideConfig = folder.isEmpty ? path : "\(folder)/\(path)"
        return FileManager.default.fileExists(atPath: besideConfig) ? besideConfig : path
    }
}
