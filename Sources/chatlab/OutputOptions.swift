import ArgumentParser
import Foundation
import Logging

/// How much the command prints.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only the report folder and errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also log what the lab does (to standard error).")
    var verbose = false

    /// A logger that writes to standard error at the chosen level.
    func makeLogger() -> Logger {
        var logger = Logger(label: "chatlab") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : (quiet ? .error : .warning)
        return logger
    }
}
