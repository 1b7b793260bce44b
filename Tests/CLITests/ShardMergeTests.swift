import Foundation
import Testing
import TestSupport

// `chatlab run --shard K/N` in separate processes, then `chatlab merge`: the merged folder is the single machine's.

@Test func mergedDemoShardsGiveTheSingleMachineReport() throws {
    let dir = try TemporaryDirectory()
    // 5 runs over 4 shards: shard 1 holds runs 1 and 5, the others one run each.
    let status = try ShardedRun.runBoth("config/demo.yaml", count: 4, in: dir)
    let shards = (1...4).map { dir.path("shard-\($0)") }
    for shard in shards {
        #expect(FileManager.default.fileExists(atPath: "\(shard)/shard.json"))
        #expect(!FileManager.default.fileExists(atPath: "\(shard)/summary.json"), "a shard computes no reports")
    }
    #expect(FileManager.default.fileExists(atPath: dir.path("shard-1/transcripts/run-5.jsonl")))
    #expect(!FileManager.default.fileExists(atPath: dir.path("shard-2/transcripts/run-1.jsonl")))
    // Shards given in any order.
    let merge = try ChatlabProcess.run(["merge"] + shards.reversed() + ["--out", dir.path("merged")])
    #expect(merge.status == status, "\(merge.stdout)\(merge.stderr)")
    #expect(merge.stdout.contains("merged 4 shards of demo (5 runs, seed 42)"), "\(merge.stdout)")
    try ShardedRun.expectSame(merged: dir.path("merged"), single: dir.path("single"), shards: shards, runs: 5)
}

private let concurrent = """
    name: concurrent
    seed: 2024
    runs: 7
    rounds: 9
    concurrency: 3
    session_id: shard-test
    chatters:
      chatter1: {kind: script, lines: [Hello there., "What is your name?", I live in Porto., Where do I live?]}
      chatter2: {kind: reference, memory: {utterances: 6}}
    probes:
      testsets: \(ChatlabProcess.root)/testsets
      probabilities: {ML-U3: 0.2, ML-I4: 0.2}
    scorers:
      stutter: {threshold: 0.33}
      repeated_questions: {enabled: true}
    """

@Test func mergedShardsOfAConcurrentExperimentGiveTheSingleMachineReport() throws {
    let dir = try TemporaryDirectory()
    let config = dir.path("concurrent.yaml")
    try concurrent.write(toFile: config, atomically: true, encoding: .utf8)
    let status = try ShardedRun.runBoth(config, count: 3, in: dir)
    let shards = (1...3).map { dir.path("shard-\($0)") }
    let merge = try ChatlabProcess.run(["merge"] + [shards[1], shards[2], shards[0]] + ["--out", dir.path("merged"), "-q"])
    #expect(merge.status == status, "\(merge.stderr)")
    // session_id pins the execution: conversation ids and records match the single machine's too.
    try ShardedRun.expectSame(
        merged: dir.path("merged"), single: dir.path("single"), shards: shards, runs: 7, sameExecution: true)
}

private let small = """
    name: small
    seed: 5
    runs: 5
    rounds: 3
    chatters:
      chatter1: {kind: script, lines: [Hi., How are you?]}
      chatter2: {kind: echo}
    """

/// Three shards of `small` in `<dir>/s1...s3`, and the config's path.
private func smallShards(_ dir: TemporaryDirectory) throws -> String {
    let config = dir.path("small.yaml")
    try small.write(toFile: config, atomically: true, encoding: .utf8)
    for index in 1...3 {
        let run = try ChatlabProcess.run(["run", config, "--shard", "\(index)/3", "--report-dir", dir.path("s\(index)"), "-q"])
        #expect(run.status == 0, "\(run.stderr)")
    }
    return config
}

private func refusedMerge(_ folders: [String], out: String) throws -> String {
    let merge = try ChatlabProcess.run(["merge"] + folders + ["--out", out])
    #expect(merge.status == 1)
    #expect(!FileManager.default.fileExists(atPath: "\(out)/summary.json"))
    #expect(!FileManager.default.fileExists(atPath: "\(out)/transcripts"), "nothing is written for a refused merge")
    return merge.stderr
}

@Test func mergeRefusesMissingDuplicatedForeignAndUnfinishedShardsNamingThem() throws {
    let dir = try TemporaryDirectory()
    let config = try smallShards(dir)
    let out = dir.path("out")

    let missing = try refusedMerge([dir.path("s1"), dir.path("s3")], out: out)
    #expect(missing.contains("shard 2/3 is missing"), "\(missing)")

    let twice = try refusedMerge([dir.path("s1"), dir.path("s2"), dir.path("s3"), dir.path("s2")], out: out)
    #expect(twice.contains("shard 2/3 is given twice: \(dir.path("s2")) and \(dir.path("s2"))"), "\(twice)")

    // Another seed: a shard of another experiment.
    let other = try ChatlabProcess.run(
        ["run", config, "--shard", "2/3", "--seed", "6", "--report-dir", dir.path("seed6"), "-q"])
    #expect(other.status == 0, "\(other.stderr)")
    let foreign = try refusedMerge([dir.path("s1"), dir.path("seed6"), dir.path("s3")], out: out)
    #expect(foreign.contains("\(dir.path("seed6")): error: this shard does not belong with \(dir.path("s1")): its seed is 6, not 5"),
        "\(foreign)")

    // Another split of the same experiment.
    let split = try ChatlabProcess.run(["run", config, "--shard", "2/2", "--report-dir", dir.path("of2"), "-q"])
    #expect(split.status == 0, "\(split.stderr)")
    let otherSplit = try refusedMerge([dir.path("s1"), dir.path("of2"), dir.path("s3")], out: out)
    #expect(otherSplit.contains("\(dir.path("of2")): error:") && otherSplit.contains("shard count N is 2, not 3"), "\(otherSplit)")

    // A single machine's report folder is no shard.
    let whole = try ChatlabProcess.run(["run", config, "--report-dir", dir.path("whole"), "-q"])
    #expect(whole.status == 0)
    let notShard = try refusedMerge([dir.path("s1"), dir.path("whole")], out: out)
    #expect(notShard.contains("\(dir.path("whole")): error: not a shard folder"), "\(notShard)")

    // A shard whose run 4 did not finish (no conversation record), then finished with --resume.
    try FileManager.default.removeItem(atPath: dir.path("s1/transcripts/run-4.conversation.json"))
    let unfinished = try refusedMerge([dir.path("s1"), dir.path("s2"), dir.path("s3")], out: out)
    #expect(unfinished.contains("\(dir.path("s1")): error: run 4 of this shard did not finish"), "\(unfinished)")
    let resumed = try ChatlabProcess.run(["run", "--resume", dir.path("s1"), "-q"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.path("s1/transcripts/run-2.jsonl")), "the shard's runs only")
    let merged = try ChatlabProcess.run(["merge", dir.path("s1"), dir.path("s2"), dir.path("s3"), "--out", out, "-q"])
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(try ShardedRun.transcripts(out, runs: 5) == ShardedRun.transcripts(dir.path("whole"), runs: 5))
}

@Test func shardOptionIsCheckedBeforeAnythingRuns() throws {
    let dir = try TemporaryDirectory()
    try small.write(toFile: dir.path("small.yaml"), atomically: true, encoding: .utf8)
    let bad = try ChatlabProcess.run(["run", dir.path("small.yaml"), "--shard", "4/3", "--report-dir", dir.path("x")])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("--shard 4/3: K must be 1 to 3"), "\(bad.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.path("x")))
    let auto = try ChatlabProcess.run(
        ["run", dir.path("small.yaml"), "--shard", "auto", "--report-dir", dir.path("k")],
        environment: ["JOB_COMPLETION_INDEX": "1", "CHATLAB_SHARD_COUNT": "2", "SLURM_ARRAY_TASK_ID": ""])
    #expect(auto.status == 0, "\(auto.stderr)")
    let manifest = try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: dir.path("k/shard.json")))) as! [String: Any]
    #expect(manifest["shardRuns"] as? [Int] == [2, 4])
}
