import Embeddings
import Foundation
import Testing

@Test func theSameTextIsEncodedOnlyOnce() throws {
    let encoder = MiniLMEncoder(model: try InstalledModel.model())
    let first = try encoder.encode(["a cat", "a dog", "a cat"])
    #expect(first[0] == first[2])
    let stats = encoder.cache!.statistics
    #expect(stats.entries == 2)
    #expect(stats.hits == 0)
    let second = try encoder.encode(["a dog", "a bird"])
    #expect(second[0] == first[1])
    #expect(encoder.cache!.statistics == .init(hits: 1, misses: 4, entries: 3))
}

@Test func theCacheIsSafeUnderConcurrentCallers() async throws {
    let encoder = MiniLMEncoder(model: try InstalledModel.model())
    let texts = (0..<12).map { "sentence number \($0)" }
    try await withThrowingTaskGroup(of: [[Float]].self) { group in
        for _ in 0..<6 { group.addTask { try encoder.encode(texts) } }
        var results: [[[Float]]] = []
        for try await result in group { results.append(result) }
        for result in results { #expect(result == results[0]) }
    }
    let stats = encoder.cache!.statistics
    #expect(stats.entries == 12)
    #expect(stats.hits + stats.misses == 72)
}

@Test func theModelIsLoadedOncePerFolder() throws {
    let a = try MiniLMModel.installed()
    let b = try MiniLMModel.installed()
    #expect(a === b)
    let sharedA = try MiniLMEncoder.shared()
    let sharedB = try MiniLMEncoder.shared()
    #expect(sharedA.cache === sharedB.cache)
}

@Test func aMissingModelNamesTheInstallCommand() throws {
    let store = ModelStore(root: URL(fileURLWithPath: "/nonexistent/chatlab-models"))
    #expect(throws: EmbeddingError.self) { try MiniLMModel.installed(store: store) }
    do {
        _ = try MiniLMEncoder.shared(store: store)
        Issue.record("expected an error")
    } catch {
        #expect("\(error)".contains("chatlab models install"))
        #expect("\(error)".contains("/nonexistent/chatlab-models/all-MiniLM-L6-v2/"))
    }
}
