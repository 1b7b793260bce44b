import LabCore
import Testing

@Test func shardsDealRunsRoundRobinAndTogetherHoldEveryRunOnce() throws {
    for count in 1...7 {
        for total in [0, 1, 5, 13] {
            let shards = try (1...count).map { try ShardSpec(index: $0, count: count) }
            let all = shards.flatMap { $0.items(of: total) }
            #expect(all.sorted() == Array(0...total).dropFirst().map { $0 }, "N=\(count) runs=\(total)")
            for shard in shards {
                #expect(shard.items(of: total).allSatisfy(shard.contains))
            }
        }
    }
    #expect(try ShardSpec(parsing: "2/4", environment: [:]).items(of: 10) == [2, 6, 10])
    #expect(try ShardSpec(parsing: "1/4", environment: [:]).items(of: 5) == [1, 5])
}

@Test func shardTextIsCheckedWithAMessageSayingWhatToWrite() {
    #expect(throws: ShardSpecError.indexOutOfRange(index: 0, count: 4)) { try ShardSpec(parsing: "0/4", environment: [:]) }
    #expect(throws: ShardSpecError.indexOutOfRange(index: 5, count: 4)) { try ShardSpec(parsing: "5/4", environment: [:]) }
    #expect(throws: ShardSpecError.badCount(0)) { try ShardSpec(parsing: "1/0", environment: [:]) }
    #expect(throws: ShardSpecError.badText("2-4")) { try ShardSpec(parsing: "2-4", environment: [:]) }
    #expect(throws: ShardSpecError.noScheduler) { try ShardSpec(parsing: "auto", environment: [:]) }
    #expect("\(ShardSpecError.badText("x"))".contains("--shard 2/4"))
}

@Test func autoReadsSlurmArraysWhateverTheirFirstIndexAndStep() throws {
    func auto(_ environment: [String: String]) throws -> ShardSpec { try ShardSpec(parsing: "auto", environment: environment) }
    // --array=1-4
    #expect(try auto(["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "4"])
        == ShardSpec(index: 3, count: 4))
    // --array=0-3
    #expect(try auto(["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_COUNT": "4"])
        == ShardSpec(index: 1, count: 4))
    // --array=10-16:2 (10, 12, 14, 16)
    #expect(try auto([
        "SLURM_ARRAY_TASK_ID": "14", "SLURM_ARRAY_TASK_MIN": "10", "SLURM_ARRAY_TASK_STEP": "2",
        "SLURM_ARRAY_TASK_COUNT": "4",
    ]) == ShardSpec(index: 3, count: 4))
    #expect(throws: ShardSpecError.noCount(scheduler: "SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not")) {
        try auto(["SLURM_ARRAY_TASK_ID": "1"])
    }
    #expect(throws: ShardSpecError.badVariable(name: "SLURM_ARRAY_TASK_ID", value: "one")) {
        try auto(["SLURM_ARRAY_TASK_ID": "one", "SLURM_ARRAY_TASK_COUNT": "4"])
    }
}

@Test func autoReadsKubernetesIndexedJobsFromZero() throws {
    func auto(_ environment: [String: String]) throws -> ShardSpec { try ShardSpec(parsing: "auto", environment: environment) }
    #expect(try auto(["JOB_COMPLETION_INDEX": "0", "CHATLAB_SHARD_COUNT": "4"]) == ShardSpec(index: 1, count: 4))
    #expect(try auto(["JOB_COMPLETION_INDEX": "3", "CHATLAB_SHARD_COUNT": "4"]) == ShardSpec(index: 4, count: 4))
    #expect(throws: ShardSpecError.indexOutOfRange(index: 5, count: 4)) {
        try auto(["JOB_COMPLETION_INDEX": "4", "CHATLAB_SHARD_COUNT": "4"])
    }
    #expect(throws: ShardSpecError.noCount(scheduler: "JOB_COMPLETION_INDEX is set but CHATLAB_SHARD_COUNT is not")) {
        try auto(["JOB_COMPLETION_INDEX": "0"])
    }
}
