import Foundation
import Lab
import LabCore
import Transcripts
import Logging
import TestSupport
import Testing

private func experiment(_ extra: String = "") throws -> Experiment {
    let text = """
        seed: 21
        runs: 2
        rounds: 30
        chatters:
          chatter1: {kind: script, lines: [one, two, three, four, five, six, seven, eight, nine, ten]}
          chatter2: {kind: echo}
        probes:
          testsets: \(ChatlabProcess.root)/testsets
          probabilities: {ML-I1: 0.1, ML-I6: 0.1, ML-U4: 0.1, ML-I13: 0.1}
        \(extra)
        """
    return try ExperimentLoader().load(text: text, path: "/tmp/probe-test.yaml")
}

@Test func probeTurnsReplaceTheDriverAndCarryTheirMarks() async throws {
    let folder = try TemporaryDirectory()
    let (_, analysis) = try await ExperimentRunner(experiment: try experiment(), logger: Logger(label: "t"))
        .run(into: ReportFolder(path: folder.path))
    // probes.json holds the sets; each run's plan has its own file.
    let record = try #require(try ProbeRecord.read(in: ReportFolder(path: folder.path)))
    #expect(record.plans.isEmpty && !record.sets.isEmpty)
    #expect(FileManager.default.fileExists(atPath: folder.path + "/probes/run-2.json"))
    for run in analysis.runs {
        let transcript = try TranscriptReader.read(path: folder.path + "/transcripts/run-\(run.run).jsonl", run: run.run)
        let plan = try #require(try record.plan(run: run.run))
        #expect(!plan.probes.isEmpty)
        for probe in plan.probes {
            for planned in probe.turns {
                let turn = try #require(transcript.turn(round: planned.round, seat: .chatter1))
                #expect(turn.probe == planned.mark)
                #expect(turn.text == planned.text)
                #expect(turn.latency == nil)
                // The echo bot answers the probe text in the same round.
                #expect(transcript.turn(round: planned.round, seat: .chatter2)?.text == planned.text)
            }
        }
        // The script only advances on the rounds where it really spoke.
        let spoken = transcript.turns(of: .chatter1).filter { $0.probe == nil }.map(\.text)
        let lines = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        #expect(spoken == (0..<spoken.count).map { lines[$0 % 10] })
        #expect(run.probeCounts == plan.counts)
    }
    let summary = try String(contentsOfFile: folder.path + "/summary.json", encoding: .utf8)
    #expect(summary.contains("\"ML-I1\""))
}

@Test func probabilitiesAddingUpToMoreThanOneAreRejected() {
    #expect(throws: (any Error).self) {
        _ = try ExperimentLoader().load(text: """
            chatters: {chatter1: {kind: echo}, chatter2: {kind: echo}}
            probes:
              probabilities: {ML-I1: 0.6, ML-U3: 0.5}
            """, path: "p.yaml")
    }
    do {
        _ = try ExperimentLoader().load(text: """
            chatters: {chatter1: {kind: echo}, chatter2: {kind: echo}}
            probes:
              probabilities: {ML-I1: 0.6, ML-U3: 0.5}
            """, path: "p.yaml")
    } catch {
        #expect("\(error)".contains("p.yaml:3:18"))
        #expect("\(error)".contains("add up to 1.100"))
    }
}

@Test func aBrokenTestSetFolderStopsTheRunBeforeItStarts() async throws {
    let folder = try TemporaryDirectory()
    try "sets:\n  - id: x\n    type: QA\n".write(toFile: folder.path + "/bad.yaml", atomically: true, encoding: .utf8)
    let text = """
        chatters: {chatter1: {kind: echo}, chatter2: {kind: echo}}
        probes: {testsets: \(folder.path), probabilities: {ML-I1: 0.5}}
        """
    let experiment = try ExperimentLoader().load(text: text, path: "/tmp/x.yaml")
    let out = try TemporaryDirectory()
    await #expect(throws: (any Error).self) {
        try await ExperimentRunner(experiment: experiment, logger: Logger(label: "t")).run(into: ReportFolder(path: out.path + "/r"))
    }
    #expect(!FileManager.default.fileExists(atPath: out.path + "/r"))
}
