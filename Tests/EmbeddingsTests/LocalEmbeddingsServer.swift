import Foundation
import TestSupport

/// Tests/Fixtures/embeddings_server.py on a free port of 127.0.0.1, stopped when released.
final class LocalEmbeddingsServer {
    let process = Process()
    let input = Pipe()
    let port: Int
    static let apiKey = "test-key"

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/v1")! }

    init() throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", ChatlabProcess.root + "/Tests/Fixtures/embeddings_server.py", "0", Self.apiKey]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "the test server did not start"])
        }
        self.port = port
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }
}
