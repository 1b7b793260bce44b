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

    /// Loads every `*.yaml` file directly in `folder`. Throws ``TestSetError`` listing every problem found; a folder
    /// with no test set at all is a problem too (probes would silently draw nothing).
    public static func load(folder: String) throws -> TestSetDatabase {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        } catch {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder)
            let reason = !exists ? "no such folder" : isFolder.boolValue ? "the folder cannot be listed" : "it is a file, not a folder"
            throw TestSetError(problems: [.unreadable(file: folder, reason: reason)])
        }
        guard !names.isEmpty else {
            throw TestSetError(problems: [
                .fileProblem(
                    file: folder, problem: "this folder has no test-set files (*.yaml)",
                    fix: "Point 'probes.testsets' (or --dir) at a folder of test sets, such as the shipped testsets/.")
            ])
        }
        let database = try load(files: names.map { "\(folder)/\($0)" })
        guard !database.sets.isEmpty else {
            throw TestSetError(problems: [
                .fileProblem(
                    file: folder, problem: "the test-set files in this folder hold no test set",
                    fix: "Add sets under 'sets:' (see testsets/qa-pets.yaml).")
            ])
        }
        return database
    }

    /// Loads the given files. Ids must be unique across all of them.
    public static func load(files: [String]) throws -> TestSetDatabase {
        var sets: [(set: TestSet, location: ConfigError.Location)] = []
        var problems: [ConfigError] = []
        for file in files {
            let text: String
            do {
                text = try InputFile.text(atPath: file)
            } catch let error as ConfigError {
                problems.append(error)
                continue
            }
            let parsed = TestSetParser.parse(text: text, file: file)
            sets += parsed.sets
            problems += parsed.problems
        }
        var first: [String: ConfigError.Location] = [:]
        for (set, location) in sets {
            if let earlier = first[set.id] {
                problems.append(.badValue(location, key: "id", problem: "'\(Excerpt.of(set.id))' is used twice (first at \(earlier))",
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
