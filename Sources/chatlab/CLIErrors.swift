import ArgumentParser
import Embeddings
import Foundation
import LabYAML
import Lab
import Probes

/// Turns the library's errors into one clear message on standard error and an exit code:
/// 2 for a problem in a config or input file, 1 for anything else.
enum CLIErrors {
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw report(error) }
    }

    static func reporting<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw report(error) }
    }

    private static func report(_ error: Error) -> Error {
        switch error {
        case let error as ConfigError:
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return ExitCode(2)
        case let error as TestSetError:
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return ExitCode(2)
        case let error as WordNetError:
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return ExitCode(1)
        case let error as EmbeddingError:
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return ExitCode(1)
        case let error as RemoteEncoderError:
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return ExitCode(1)
        case let error as LabError:
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return ExitCode(1)
        default:
            return error
        }
    }
}
