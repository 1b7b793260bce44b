import ArgumentParser
import Batch
import Foundation
import Transcripts

extension ChatLab {
    struct Schedule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a matrix's batches on a schedule in the foreground, or emit systemd / cron entries for it.",
            discussion: """
                Runs one batch per slot (a slot every --every for --for, or the matrix's 'schedule'), waiting \
                between them, and stops after the last. One scheduler per database: a second one refuses. The \
                schedule is kept in the database, so a restarted scheduler goes on where it stopped; slots missed \
                meanwhile are caught up or skipped (--missed). --once runs only the slots already due and returns \
                (what the emitted systemd timer or cron line runs).

                Example: chatlab schedule config/batch-demo.yaml --every 3s --for 6s
                Example: chatlab schedule config/batch/retail-finance.yaml --emit systemd --output units/
                """)

        @OptionGroup var options: BatchOptions

        @Option(help: "Time between slot starts, e.g. 51m (default: the matrix's schedule).")
        var every: String?

        @Option(name: .customLong("for"), help: "How long the schedule lasts, e.g. 4d (slots: ⌊for / every⌋).")
        var duration: String?

        @Option(help: "Missed slots: catch-up (run them at once) or skip (all but the latest).")
        var missed: String?

        @Flag(help: "Run the slots that are due now, then return.")
        var once = false

        @Option(help: "Write scheduler entries instead of running: systemd (a .service and a .timer) or cron.")
        var emit: String?

        @Option(help: "With --emit: the folder for the files (default: the current folder; cron prints the line).")
        var output: String?

        func validate() throws {
            for (name, value) in [("--every", every), ("--for", duration)] {
                if let value, DurationText.seconds(value) == nil {
                    throw ValidationError("\(name) '\(value)' is not a duration: write e.g. 30s, 51m, 12h or 4d.")
                }
            }
            if (every == nil) != (duration == nil) { throw ValidationError("Give --every and --for together.") }
            if let missed, ScheduleSettings.MissedSlots(rawValue: missed) == nil {
                throw ValidationError("--missed must be catch-up or skip.")
            }
            if let emit, !["systemd", "cron"].contains(emit) { throw ValidationError("--emit must be systemd or cron.") }
        }

        func run() async throws {
            let matrix = try options.load()
            var settings = matrix.schedule
            if let every = every.flatMap(DurationText.seconds), let total = duration.flatMap(DurationText.seconds) {
                guard every <= total else { throw ValidationError("--every must be at most --for.") }
                settings = ScheduleSettings(every: every, for: total, missed: settings?.missed ?? .catchUp)
            }
            if let missed = missed.flatMap(ScheduleSettings.MissedSlots.init(rawValue:)) { settings?.missed = missed }
            guard let settings else {
                throw ValidationError("\(options.matrix) has no 'schedule': give --every and --for.")
            }
            if let emit { return try write(emit, matrix: matrix, settings: settings) }
            let store = try options.openStore(matrix)
            let scheduler = Scheduler(
                session: BatchSession(matrix: matrix, store: store, services: options.services()), settings: settings)
            try await CLIErrors.reporting {
                try await scheduler.run(once: once) { event in
                    switch event {
                    case .started(let start, let resumed, let first):
                        print("schedule \(matrix.name): \(settings.count) slots, one every "
                            + "\(DurationText.format(settings.every)), into \(store.path); "
                            + (resumed ? "resumed at slot \(first)" : "started") + " (start \(Int(start)))")
                    case .waiting(let slot, let until):
                        print("waiting for slot \(slot) (in \(String(format: "%.1f", until - Date().timeIntervalSince1970)) s)")
                    case .ran(let slot, let report):
                        print("slot \(slot): ", terminator: "")
                        BatchPrinter.report(report)
                    case .skipped(let slot):
                        print("slot \(slot): skipped (missed)")
                    }
                }
            }
            print("schedule \(matrix.name): done")
        }

        private func save(_ text: String, folder: String, name: String) throws {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                FileHandle.standardError.write(Data("\(folder): error: cannot make the folder: \(error)\n".utf8))
                throw ExitCode(1)
            }
            try CLIErrors.reporting { try AtomicFile.write(Data(text.utf8), to: "\(folder)/\(name)") }
        }

        private func write(_ kind: String, matrix: BatchMatrix, settings: ScheduleSettings) throws {
            let directory = FileManager.default.currentDirectoryPath
            func absolute(_ path: String) -> String { path.hasPrefix("/") ? path : "\(directory)/\(path)" }
            let binary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? absolute(CommandLine.arguments[0])
            let emitter = ScheduleEmitter(
                binary: binary, matrixPath: absolute(options.matrix),
                databasePath: absolute(options.databasePath(matrix)), directory: directory, matrixName: matrix.name,
                settings: settings)
            if kind == "cron" {
                let line = try CLIErrors.reporting { try emitter.cron() }
                if let output {
                    try save(line + "\n", folder: output, name: "\(emitter.unitName).cron")
                    print("wrote \(output)/\(emitter.unitName).cron")
                } else {
                    print(line)
                }
                return
            }
            let folder = output ?? "."
            for file in emitter.systemd() {
                try save(file.text, folder: folder, name: file.name)
                print("wrote \(folder)/\(file.name)")
            }
            print("install: copy them to /etc/systemd/system/, then systemctl daemon-reload && "
                + "systemctl enable --now \(emitter.unitName).timer")
        }
    }
}
