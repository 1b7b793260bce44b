import Foundation
import LabCore
import LabYAML

/// All test sets of a folder of YAML files (`testsets/` by default), validated.
public struct TestSetDatabase: Sendable {
    public let sets: [TestSet]

    public init(sets: [TestSet]) {
        self.sets = sets
    }

    /// The set with this id.
    public func set(_ id: String) -> TestSet? { sets.first { $0.id == id } }

    /// The sets of one kind, in file order.
    public func sets(of kind: TestSet.Kind) -> [TestSet] { sets.filter { $0.kind == kind } }

    /// Loads every `*.yaml` file directly in `folder`. Throws ``TestSetError`` listing every problem found.
    public static func load(folder: String) throws -> TestSetDatabase {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        } catch {
            throw TestSetError(problems: [.unreadable(file: folder, reason: "not a readable folder")])
        }
        return try load(files: names.map { "\(folder)/\($0)" })
    }

    /// Loads the given files. Ids must be unique across all of them.
    public static func load(files: [String]) throws -> TestSetDatabase {
        var sets: [(set: TestSet, location: ConfigError.Location)] = []
        var problems: [ConfigError] = []
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                problems.append(.unreadable(file: file, reason: "not UTF-8 text"))
                continue
            }
            let parsed = TestSetParser.parse(text: text, file: file)
            sets += parsed.sets
            problems += parsed.problems
        }
        var first: [String: ConfigError.Location] = [:]
        for (set, location) in sets {
            if let earlier = first[set.id] {
                problems.append(.badValue(location, key: "id", problem: "'\(set.id)' is used twice (first at \(earlier))",
                    fix: "Give every test set its own id."))
            } else {
                first[set.id] = location
            }
        }
        guard problems.isEmpty else { throw TestSetError(problems: problems) }
        return TestSetDatabase(sets: sets.map(\.set))
    }
}

/// Everything wrong with a test-set database, each problem with file and line.
public struct TestSetError: Error, Sendable, CustomStringConvertible {
    public let problems: [ConfigError]

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
            + "\n\(problems.count) problem\(problems.count == 1 ? "" : "s") in the test sets."
    }
}
