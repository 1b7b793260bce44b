import Batch
import Foundation
import Testing
import TestSupport

/// Schedule arithmetic, durations, and the emitted systemd units and crontab lines.
@Suite struct ScheduleTests {
    @Test func slotsCountTheStartsThatFitTheSpan() {
        #expect(ScheduleSettings(times: 14, per: 12 * 3600, for: 4 * 86400).count == 112)
        #expect(ScheduleSettings(every: 51 * 60, for: 4 * 86400).count == 112)
        #expect(ScheduleSettings(every: 3, for: 6).count == 2)
    }

    @Test func durationsReadAndPrint() {
        #expect(DurationText.seconds("51m") == 3060)
        #expect(DurationText.seconds("4d") == 345_600)
        #expect(DurationText.seconds("500ms") == 0.5)
        #expect(DurationText.seconds("12") == 12)
        #expect(DurationText.seconds("-3s") == nil)
        #expect(DurationText.seconds("3 weeks") == nil)
        #expect(DurationText.format(3060) == "51m")
        #expect(DurationText.format(86400) == "1d")
    }

    func emitter(every: Double) -> ScheduleEmitter {
        ScheduleEmitter(binary: ChatlabProcess.binary, matrixPath: "/srv/lab/matrix.yaml", databasePath: "/srv/lab/h.sqlite",
                        directory: "/srv/lab", matrixName: "retail finance", settings: ScheduleSettings(every: every, count: 4))
    }

    @Test func cronFiresOnIntervalsItCanExpressAndRefusesOthers() throws {
        let line = try emitter(every: 900).cron()
        #expect(line.hasPrefix("*/15 * * * * cd /srv/lab && "))
        #expect(line.contains(" schedule /srv/lab/matrix.yaml --db /srv/lab/h.sqlite --once >> /srv/lab/h.sqlite.cron.log 2>&1"))
        #expect(try emitter(every: 6 * 3600).cron().hasPrefix("0 */6 * * * "))
        #expect(throws: BatchError.self) { try emitter(every: 51 * 60).cron() }
    }

    @Test func theEmittedTimerPassesSystemdAnalyzeVerify() throws {
        let files = emitter(every: 51 * 60).systemd()
        #expect(files.map(\.name) == ["chatlab-batch-retail-finance.service", "chatlab-batch-retail-finance.timer"])
        #expect(files[1].text.contains("OnUnitActiveSec=3060s"))
        #expect(files[0].text.contains("ExecStart=\(ChatlabProcess.binary) schedule /srv/lab/matrix.yaml"))
        let analyze = "/usr/bin/systemd-analyze"
        guard FileManager.default.isExecutableFile(atPath: analyze) else { return }
        let folder = try TemporaryDirectory()
        for file in files { try file.text.write(toFile: folder.path(file.name), atomically: true, encoding: .utf8) }
        let result = try ChildProcess.run(analyze, ["verify", "--man=no", folder.path(files[1].name)])
        // verify exits 0 even for unknown keys, which it reports on standard error: both must be clean.
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        // A broken timer is caught by the same check.
        try files[1].text.replacingOccurrences(of: "OnUnitActiveSec", with: "OnUnitActivSec")
            .write(toFile: folder.path(files[1].name), atomically: true, encoding: .utf8)
        let broken = try ChildProcess.run(analyze, ["verify", "--man=no", folder.path(files[1].name)])
        #expect(broken.stderr.contains("Unknown key"))
    }
}
