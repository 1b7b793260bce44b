import Foundation

/// A reference engine (``ReferenceEngine``) in a child process, `scripts/bench_embeddings_reference.py --engine …`,
/// driven one JSON line at a time so that its measurements can alternate with ChatLab's in the same run.
///
/// Requests and replies are JSON objects, one per line: `load` (texts, model folder and how many vectors to return →
/// token counts, versions and the first texts' vectors), `peak` (threads, seconds → GFLOP/s of 2048³ float32
/// products in the engine's own library), `measure` (threads, set, batch, seconds → texts encoded and seconds
/// taken). A reply with `error` ends the comparison with that message.
public final class ReferenceWorker {
    /// What the worker answered to `load`.
    public struct Loaded: Sendable {
        /// Token counts per set, as the engine's tokenizer sees each text.
        public var tokens: [String: [Int]]
        /// The unit vectors of the first texts of each set.
        public var vectors: [String: [[Float]]]
    }

    public let engine: ReferenceEngine
    public let python: String
    private let process = Process()
    private let input: FileHandle
    private let output: FileHandle
    private let errors: PipeReader
    private var buffer = Data()

    /// What the worker reported when it loaded the model.
    public private(set) var versions = ""

    /// Starts `python script --engine <engine> arguments…` (offline: HF_HUB_OFFLINE=1; the fast tokenizer on the
    /// calling thread: TOKENIZERS_PARALLELISM=false). `python` may carry its own arguments (`/usr/bin/env python3`).
    public init(engine: ReferenceEngine, python: String, script: String, arguments: [String] = []) throws {
        self.engine = engine
        self.python = python
        var words = python.split(separator: " ").map(String.init)
        process.executableURL = URL(fileURLWithPath: words.removeFirst())
        process.arguments = words + [script, "--engine", engine.rawValue] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HF_HUB_OFFLINE"] = "1"
        environment["TOKENIZERS_PARALLELISM"] = "false"
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
        errors = PipeReader(stderr.fileHandleForReading)
        do {
            try process.run()
        } catch {
            throw EmbeddingBenchError.referenceWorker(
                engine: engine.name, python: python, reason: "cannot start it (\(error))")
        }
    }

    deinit {
        try? input.close()
        if process.isRunning { process.terminate() }
    }

    /// Loads the model from `modelFolder` and hands over the texts; returns the engine's token counts per set and
    /// the vectors of the first `vectors` texts of each set.
    public func load(texts: BenchTexts, modelFolder: String, vectors: Int = 0) throws -> Loaded {
        let reply = try call([
            "op": "load", "model": modelFolder, "vectors": vectors,
            "texts": Dictionary(uniqueKeysWithValues: texts.sets.map { ($0.name, $0.texts) }),
        ])
        versions = reply["versions"] as? String ?? ""
        guard let tokens = reply["tokens"] as? [String: [Int]] else { throw unexpected(reply) }
        let found = reply["vectors"] as? [String: [[Double]]] ?? [:]
        return Loaded(tokens: tokens, vectors: found.mapValues { $0.map { $0.map(Float.init) } })
    }

    /// GFLOP/s of 2048³ float32 products in the engine's library (``ReferenceEngine/matmul``) repeated on `threads`
    /// threads for `seconds`.
    public func peak(threads: Int, seconds: Double) throws -> Double {
        let reply = try call(["op": "peak", "threads": threads, "seconds": seconds])
        guard let gflops = reply["gflops"] as? Double else { throw unexpected(reply) }
        return gflops
    }

    /// Encodes batches of `cell` for at least `seconds` (after one warm-up batch): texts encoded, seconds taken.
    public func measure(_ cell: BenchCell, seconds: Double) throws -> (texts: Int, seconds: Double) {
        let reply = try call([
            "op": "measure", "threads": cell.threads, "set": cell.set, "batch": cell.batch, "seconds": seconds,
        ])
        guard let texts = reply["texts"] as? Int, let taken = reply["seconds"] as? Double else {
            throw unexpected(reply)
        }
        return (texts, taken)
    }

    private func call(_ request: [String: Any]) throws -> [String: Any] {
        var line = try JSONSerialization.data(withJSONObject: request)
        line.append(0x0A)
        do {
            try input.write(contentsOf: line)
        } catch {
            throw failure("it stopped reading requests")
        }
        guard let replyLine = readLine() else { throw failure("it ended without a reply") }
        guard let reply = (try? JSONSerialization.jsonObject(with: replyLine)) as? [String: Any] else {
            throw failure("it answered \(String(decoding: replyLine, as: UTF8.self).prefix(200).debugDescription)")
        }
        if let message = reply["error"] as? String { throw failure(message) }
        return reply
    }

    private func readLine() -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                return Data(line)
            }
            let chunk = output.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }

    private func unexpected(_ reply: [String: Any]) -> EmbeddingBenchError {
        .referenceWorker(engine: engine.name, python: python, reason: String("unexpected reply \(reply)".prefix(300)))
    }

    private func failure(_ reason: String) -> EmbeddingBenchError {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let log = String(decoding: errors.wait(upTo: 2), as: UTF8.self)
            .split(separator: "\n").suffix(5).joined(separator: "\n")
        return .referenceWorker(
            engine: engine.name, python: python, reason: reason + (log.isEmpty ? "" : "; its last words:\n" + log))
    }
}
