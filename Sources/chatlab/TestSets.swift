import ArgumentParser
import Foundation
import LabCore
import Probes

extension ChatLab {
    struct TestSets: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "testsets",
            abstract: "Check, list and show the test sets that probes draw from.",
            discussion: """
                A test set is one fact and questions about it (see testsets/*.yaml and the README).

                Examples:
                  chatlab testsets validate
                  chatlab testsets list --type QA
                  chatlab testsets show qa-dog-name
                """,
            subcommands: [Validate.self, List.self, Show.self])
    }
}

/// The folder option shared by the testsets subcommands.
struct TestSetFolder: ParsableArguments {
    @Option(name: .customLong("dir"), help: "The test-set folder.")
    var folder: String = "testsets"

    func load() throws -> TestSetDatabase {
        try CLIErrors.reporting { try TestSetDatabase.load(folder: folder) }
    }
}

extension ChatLab.TestSets {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every test set; print each problem with file:line, or a count per type.")

        @OptionGroup var source: TestSetFolder

        func run() throws {
            let database = try source.load()
            let counts = TestSet.Kind.allCases.map { "\(database.sets(of: $0).count) \($0.rawValue)" }
            print("\(source.folder): \(database.sets.count) test sets ok (\(counts.joined(separator: ", ")))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the test sets: id, type, form, expected answer.")

        @OptionGroup var source: TestSetFolder

        @Option(help: "Only this type: QA, CO, IA or IQ.")
        var type: String?

        func validate() throws {
            if let type, TestSet.Kind(rawValue: type) == nil { throw ValidationError("--type takes QA, CO, IA or IQ.") }
        }

        func run() throws {
            let database = try source.load()
            let sets = type.flatMap(TestSet.Kind.init).map(database.sets(of:)) ?? database.sets
            let width = (sets.map(\.id.count).max() ?? 2) + 2
            for set in sets {
                let form = set.isClosed ? "closed" : "open  "
                print("\(set.id.padding(toLength: width, withPad: " ", startingAt: 0))\(set.kind.rawValue)  \(form)  \(set.expectedDescription)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one test set in full.")

        @OptionGroup var source: TestSetFolder

        @Argument(help: "The test-set id.")
        var id: String

        func run() throws {
            let database = try source.load()
            guard let set = database.set(id) else {
                throw ValidationError("No test set '\(id)'. 'chatlab testsets list' shows the ids.")
            }
            print("\(set.id)  (\(set.kind.rawValue), \(set.isClosed ? "closed" : "open"), \(set.source ?? ""))")
            print("expected: \(set.expectedDescription)")
            if case .text(_, let aliases) = set.expected, !aliases.isEmpty { print("aliases: \(aliases.joined(separator: ", "))") }
            if let extraction = set.extraction { print("extraction: \(extraction)") }
            if !set.information.isEmpty { print("information:"); set.information.forEach { print("  - \($0)") } }
            print("questions:")
            set.questions.forEach { print("  - \($0)") }
        }
    }
}
