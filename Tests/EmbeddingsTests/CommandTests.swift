import Foundation
import TestSupport
import Testing

@Test func modelsListShowsTheInstalledFilesWithHashes() throws {
    let result = try ChatlabProcess.run(["models", "list"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("all-MiniLM-L6-v2: installed, all files check out"), "\(result.stdout)")
    #expect(result.stdout.contains("53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db  ok"))
    #expect(result.stdout.contains("vocab.txt"))
}

@Test func modelsInstallIsIdempotent() throws {
    let result = try ChatlabProcess.run(["models", "install"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("all-MiniLM-L6-v2: already installed"), "\(result.stdout)")
}

@Test func embedPrintsOneJSONArrayPerLineMatchingTheReference() throws {
    let entries = Array(Reference.shared.texts.filter { !$0.text.contains("\n") && !$0.text.contains("\r") && !$0.text.contains("\u{85}") && !$0.text.contains("\u{2028}") && !$0.text.contains("\u{2029}") }.prefix(8))
    let input = entries.map(\.text).joined(separator: "\n") + "\n"
    let result = try ChatlabProcess.run(["embed", "--threads", "1"], input: input)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == entries.count)
    for (line, entry) in zip(lines, entries) {
        let vector = try JSONDecoder().decode([Float].self, from: Data(line.utf8))
        #expect(Reference.maxDifference(vector, entry.vector) <= 1e-5, "\(entry.text.debugDescription)")
    }
}

@Test func embedReportsTruncationOnStandardError() throws {
    let folder = try TemporaryDirectory()
    let long = Reference.shared.texts.first { $0.fullTokenCount > 256 }!
    try ("short line\n" + long.text + "\n").write(toFile: folder.path("texts.txt"), atomically: true, encoding: .utf8)
    let result = try ChatlabProcess.run(["embed", folder.path("texts.txt")])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.split(separator: "\n").count == 2)
    #expect(result.stderr.contains("line 2: truncated to 256 tokens (the whole text has \(long.fullTokenCount))"))
}

@Test func embedWithoutTheModelNamesTheInstallCommand() throws {
    let folder = try TemporaryDirectory()
    let result = try ChatlabProcess.run(["embed"], input: "hello\n", environment: ["CHATLAB_MODELS": folder.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("Run 'chatlab models install'."), "\(result.stderr)")
}

@Test func embedAsksARemoteServer() throws {
    let server = try LocalEmbeddingsServer()
    let result = try ChatlabProcess.run(
        ["embed", "--encoder", "remote", "--base-url", server.baseURL.absoluteString, "--model", "m",
         "--api-key-env", "CHATLAB_TEST_EMBEDDINGS_KEY"],
        input: "one\ntwo\n", environment: ["CHATLAB_TEST_EMBEDDINGS_KEY": LocalEmbeddingsServer.apiKey])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.split(separator: "\n").count == 2)

    let unauthorized = try ChatlabProcess.run(
        ["embed", "--encoder", "remote", "--base-url", server.baseURL.absoluteString, "--model", "m",
         "--api-key-env", "CHATLAB_TEST_EMBEDDINGS_KEY"],
        input: "one\n", environment: ["CHATLAB_TEST_EMBEDDINGS_KEY": "wrong"])
    #expect(unauthorized.status == 1)
    #expect(unauthorized.stderr.contains("/v1/embeddings: error: HTTP 401"), "\(unauthorized.stderr)")
}

@Test func embedRemoteNeedsItsOptions() throws {
    let result = try ChatlabProcess.run(["embed", "--encoder", "remote"], input: "x\n")
    #expect(result.status != 0)
    #expect(result.stderr.contains("--encoder remote needs --base-url, --model and --api-key-env."))
}

@Test func benchEmbeddingsPrintsItsTableAndTheGoalItCanJudge() throws {
    let folder = try TemporaryDirectory()
    let long = "The committee met on Tuesday to discuss the budget, the new library, the roads around the old market "
        + "and the plans for the summer festival in the park."
    try "Is it raining in Paris today?\nThe cat sat on the mat.\n\(long)\n"
        .write(toFile: folder.path("texts.txt"), atomically: true, encoding: .utf8)
    let result = try ChatlabProcess.run(
        ["bench", "embeddings", "--no-python", "--texts", folder.path("texts.txt"), "--seconds", "0.05",
         "--rounds", "1", "--threads", "1", "--batches", "1", "64"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("2 short (") && result.stdout.contains("1 long ("), "\(result.stdout)")
    #expect(result.stdout.contains("  1 thread: "))
    let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("      1  ") }
    #expect(rows.count == 4, "\(result.stdout)")
    #expect(!result.stdout.contains("pytorch") && !result.stdout.contains("chatlab/ort"))
    #expect(result.stdout.contains("OpenBLAS: kernel "))
    #expect(result.stdout.contains("ChatLab's plan per cell"))
    // Without the reference engines only the share of the peak can be judged.
    #expect(result.stdout.contains("of the machine's best sgemm peak at batch 64 (closest: 1 thread, "))
    #expect(!result.stdout.contains("ahead of PyTorch") && !result.stdout.contains("ONNX Runtime fp32 in every"))
}

@Test func benchEmbeddingsNamesABadTextFile() throws {
    let folder = try TemporaryDirectory()
    try "one\ntwo\n".write(toFile: folder.path("short.txt"), atomically: true, encoding: .utf8)
    let result = try ChatlabProcess.run(
        ["bench", "embeddings", "--no-python", "--texts", folder.path("short.txt"), "--seconds", "0.05"])
    #expect(result.status == 2)
    #expect(result.stderr.contains(folder.path("short.txt") + ": no long texts"), "\(result.stderr)")
}

@Test func benchEmbeddingsFindsItsDefaultTextsFromAnyFolder() throws {
    let folder = try TemporaryDirectory()
    let result = try ChatlabProcess.run(
        ["bench", "embeddings", "--no-python", "--seconds", "0.05", "--rounds", "1", "--threads", "1",
         "--batches", "1"],
        directory: folder.path)
    #expect(result.status == 0, "\(result.stderr)")
    let shipped = Python.repositoryRoot.appendingPathComponent("scripts/bench_embeddings_texts.json").path
    #expect(result.stdout.contains("texts: \(shipped): 64 short"), "\(result.stdout)")
}
