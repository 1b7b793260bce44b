import Transcripts
import ArgumentParser
import Batch
import Benchmarks
import BotServer
import Embeddings
import Foundation
import Lab
import LabCore
import LoadTest
import LabYAML
import Probes
import Reports
import Rules
import Scoring

/// Turns the library's errors into one clear message on standard error and an exit code:
/// 2 for a problem in a config or input file, 1 for anything else the library reports.
enum CLIErrors {
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw report(error) }
    }

    static func reporting<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw report(error) }
    }

    private static func report(_ error: Error) -> Error {
        let code: Int32
        switch error {
        case is ConfigError, is TestSetError, is CalibrationError, is ComparisonError, is EmbeddingBenchError,
            is ServerTLSError, is RuleFileError, is RuleInputError, is YAMLOverrideError, is LoadError, is ShardSpecError:
            code = 2
        case is LabError, is WordNetError, is WorkbookError, is ProfanityModelError, is EmbeddingError,
            is RemoteEncoderError, is AnalysisError, is BatchError, is ShardError:
            code = 1
        default: return error
        }
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        return ExitCode(code)
    }
}
