@testable import Embeddings
import Foundation
import TestSupport
import Testing

@Test func sha256MatchesKnownDigests() throws {
    let folder = try TemporaryDirectory()
    let cases = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ]
    for (index, (text, digest)) in cases.enumerated() {
        let path = folder.path("file\(index)")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try FileSHA256.hex(of: path) == digest)
    }
}

@Test func theInstalledModelChecksOut() throws {
    let folder = try ModelInstaller().verify(.miniLM)
    #expect(folder.lastPathComponent == "all-MiniLM-L6-v2")
}

@Test func modelStoreFollowsCHATLAB_MODELS() {
    #expect(ModelStore(environment: ["CHATLAB_MODELS": "/data/models"]).root.path == "/data/models")
    #expect(ModelStore(environment: [:]).root.path.hasSuffix(".cache/chatlab/models"))
}

@Test func aTruncatedWeightsFileIsRejectedWithItsPath() throws {
    let folder = try TemporaryDirectory()
    let path = folder.path("model.safetensors")
    var bytes = Data([0x10, 0, 0, 0, 0, 0, 0, 0])
    bytes.append(Data("{\"a\": {\"dtype\": \"F32\", \"shape\": [4], \"data_offsets\": [0, 16]}}".utf8))
    try bytes.write(to: URL(fileURLWithPath: path))
    #expect(throws: EmbeddingError.self) { try SafetensorsFile(path: path) }
}

@Test func safetensorsReaderChecksShapeAndType() throws {
    let folder = try TemporaryDirectory()
    let path = folder.path("t.safetensors")
    var header = "{\"w\": {\"dtype\": \"F32\", \"shape\": [2, 2], \"data_offsets\": [0, 16]}}"
    while (8 + header.utf8.count) % 8 != 0 { header += " " }
    var bytes = Data()
    withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
    bytes.append(Data(header.utf8))
    for value: Float in [1, 2, 3, 4] { withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) } }
    try bytes.write(to: URL(fileURLWithPath: path))
    let file = try SafetensorsFile(path: path)
    let w = try file.floats("w", shape: [2, 2])
    #expect(Array(UnsafeBufferPointer(start: w, count: 4)) == [1, 2, 3, 4])
    #expect(throws: EmbeddingError.self) { try file.floats("w", shape: [4]) }
    #expect(throws: EmbeddingError.self) { try file.floats("missing", shape: [2, 2]) }
}

@Test func flopsPerTokenCountsEveryMatrixProduct() throws {
    let config = try InstalledModel.model().config
    #expect(config.flopsPerToken(length: 0) == 21_233_664)
    #expect(config.flopsPerToken(length: 15) == 21_233_664 + 6 * 4 * 15 * 384)
}
