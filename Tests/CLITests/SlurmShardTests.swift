import Foundation
import Testing
import TestSupport

/// A real one-node Slurm cluster (scripts/slurm_local.sh) runs the demo as a 4-task array job and a dependent
/// merge job (deploy/slurm/submit.sh); the merged folder must be the single machine's report.
enum LocalSlurm {
    /// Slurm and MUNGE are installed (scripts/setup.sh --test installs them) and we are root (slurmd needs it).
    static var available: Bool {
        let tools = ["/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/sbin/munged", "/usr/bin/sbatch"]
        return getuid() == 0 && tools.allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The cluster's own folder and port, away from any cluster the machine already has.
    static let environment = [
        "CHATLAB_SLURM_DIR": "/tmp/chatlab-slurm-test", "CHATLAB_SLURM_PORT": "16827",
        "SLURM_CONF": "/tmp/chatlab-slurm-test/slurm.conf",
    ]

    static func script(_ arguments: [String]) throws -> ChildProcess.Result {
        try ChildProcess.run(
            "/bin/bash", ["\(ChatlabProcess.root)/scripts/slurm_local.sh"] + arguments, environment: environment)
    }
}

@Test(.enabled(if: LocalSlurm.available, "needs root and Debian's slurm-wlm and munge (scripts/setup.sh --test)"))
func slurmArrayShardsAndDependentMergeGiveTheSingleMachineReport() throws {
    let started = try LocalSlurm.script(["start"])
    defer { _ = try? LocalSlurm.script(["stop"]) }
    #expect(started.status == 0, "the local cluster did not start: \(started.stderr)")
    guard started.status == 0 else { return }
    let dir = try TemporaryDirectory()
    // submit.sh hands the jobs the config's absolute path, which experiment.json records: give the same here.
    let config = "\(ChatlabProcess.root)/config/demo.yaml"
    let single = try ChatlabProcess.run(["run", config, "--report-dir", dir.path("single"), "-q"])
    #expect(single.status <= 1, "\(single.stderr)")
    var environment = LocalSlurm.environment
    environment["CHATLAB"] = ChatlabProcess.binary
    // --wait returns when the merge job ends; a stuck cluster is given up on after 15 minutes, not waited for.
    let submitting = try ChildProcess(
        "\(ChatlabProcess.root)/deploy/slurm/submit.sh",
        [config, "4", dir.path("shards"), dir.path("merged"), "--wait"],
        environment: environment, directory: ChatlabProcess.root)
    let submit = submitting.wait(timeout: 900) ?? submitting.kill()
    let logs = (try? FileManager.default.contentsOfDirectory(atPath: dir.path("shards/logs")))?.sorted().map {
        "\($0): " + ((try? String(contentsOfFile: dir.path("shards/logs/\($0)"), encoding: .utf8)) ?? "")
    }.joined(separator: "\n") ?? ""
    // The merge job's status is the gate's: the demo's thresholds judge the merged report as they judge a single run.
    #expect(submit.status == single.status, "\(submit.stdout)\(submit.stderr)\n\(logs)")
    #expect(submit.stdout.contains("array job"), "\(submit.stdout)")
    let shards = (1...4).map { dir.path("shards/shard-\($0)") }
    for shard in shards {
        #expect(FileManager.default.fileExists(atPath: "\(shard)/shard.json"), "\(logs)")
    }
    try ShardedRun.expectSame(merged: dir.path("merged"), single: dir.path("single"), shards: shards, runs: 5)
}
