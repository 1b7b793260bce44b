import Foundation
import TestSupport
import Testing

/// A full disk, for real: a small tmpfs mounted in a private mount namespace (`unshare --mount`, as root), so
/// nothing outside the test sees it and it goes when the test's shell ends. Each write that fails ends the command
/// non-zero, naming the file and the system's reason; the workbooks already in place survive, and nothing half
/// written is left.
@Suite(.serialized, .enabled(if: FullDisk.available, "needs root and unshare to mount a small tmpfs"))
struct FullDiskTests {
    static let config = """
        name: full
        seed: 3
        runs: 2
        rounds: 40
        chatters:
          chatter1: {kind: script, lines: ["Hello there, how are you doing today?", "What is your name?", "Tell me more."]}
          chatter2: {kind: echo}
        """

    /// A good report folder to copy onto the small disk.
    private func goodFolder(in folder: TemporaryDirectory) throws -> String {
        try Self.config.write(toFile: folder.path("f.yaml"), atomically: true, encoding: .utf8)
        let good = folder.path("good")
        let result = try ChatlabProcess.run(["run", folder.path("f.yaml"), "--report-dir", good, "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        return good
    }

    private func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// `analyze` with less and less room left on the report folder's disk, 4 KiB at a time, until it has enough:
    /// every write that fails on the way (the workbooks' rows, their zip, the JSON records) fails cleanly.
    @Test func analyzeOnAFullDiskFailsCleanly() throws {
        let folder = try TemporaryDirectory()
        let good = try goodFolder(in: folder)
        var named: Set<String> = []
        var free = 4_096
        while true {
            let after = folder.path("after-\(free)")
            let result = try FullDisk.run(
                """
                mount -t tmpfs -o size=1m tmpfs "$SMALL" || exit 90
                cp -a "$GOOD" "$SMALL/work" || exit 91
                avail=$(df -B1 --output=avail "$SMALL" | tail -n 1)
                dd if=/dev/zero of="$SMALL/filler" bs=4096 count=$(( (avail - $FREE) / 4096 )) 2>/dev/null
                "$CHATLAB" analyze "$SMALL/work" -q
                status=$?
                cp -a "$SMALL/work" "$AFTER" || exit 92
                exit $status
                """,
                environment: ["SMALL": folder.path("small"), "GOOD": good, "FREE": "\(free)", "AFTER": after])
            if result.status == 0 {
                #expect(try XLSXDump.load("\(after)/report.xlsx").sheet(named: "Run 2") != nil)
                break
            }
            #expect(result.status == 1, "\(free) bytes free: \(result.stdout)\(result.stderr)")
            let work = folder.path("small/work")
            let message = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
            #expect(message.contains("No space left on device"), "\(free) bytes free: \(result.stderr)")
            let file = message.firstMatch(of: /(?:cannot write |failed to write |^)(\/[^ :,]+)/).map { String($0.1) }
            #expect(file?.hasPrefix(work) == true, "\(free) bytes free: \(message)")
            if let file { named.insert(String(file.dropFirst(work.count))) }
            for name in ["report.xlsx", "summary.xlsx", "summary.json", "runs/run-1.json"] {
                #expect(bytes("\(after)/\(name)") == bytes("\(good)/\(name)"), "\(free) bytes free: \(name) changed")
            }
            #expect(ReportFolderSafetyTests.leftovers(after) == [], "\(free) bytes free")
            free += 4_096
            try #require(free < 400_000, "analyze never succeeded")
        }
        // The workbook's rows fail first, then its zip.
        #expect(named.contains("/report.xlsx"), "\(named)")
        #expect(named.count >= 1)
    }

    /// A /dev/shm too small for the workbook's parts: packing goes through the report folder's disk instead, and the
    /// workbooks come out whole.
    @Test func aSmallDevShmIsNotUsedForPacking() throws {
        let folder = try TemporaryDirectory()
        let good = try goodFolder(in: folder)
        let result = try FullDisk.run(
            """
            mount -t tmpfs -o size=8k tmpfs /dev/shm || exit 90
            "$CHATLAB" analyze "$GOOD" -q
            """,
            environment: ["GOOD": good])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try XLSXDump.load("\(good)/report.xlsx").sheet(named: "Run 2")?.max_row ?? 0 > 40)
        #expect(try XLSXDump.load("\(good)/summary.xlsx").sheet(named: "Runs") != nil)
    }

    /// A run whose transcript fills the disk stops at once, naming the transcript and the reason, and the
    /// transcript holds whole lines only (the line being written when the disk filled is taken back).
    @Test func aTranscriptOnAFullDiskKeepsWholeLines() throws {
        let folder = try TemporaryDirectory()
        let line = String(repeating: "x", count: 3_000)
        try """
            name: long
            rounds: 100
            chatters:
              chatter1: {kind: script, lines: ["\(line)"]}
              chatter2: {kind: echo}
            """.write(toFile: folder.path("l.yaml"), atomically: true, encoding: .utf8)
        let result = try FullDisk.run(
            """
            mount -t tmpfs -o size=100k tmpfs "$SMALL" || exit 90
            "$CHATLAB" run "$CONFIG" --report-dir "$SMALL/r" -q
            status=$?
            cp -a "$SMALL/r" "$AFTER" || exit 92
            exit $status
            """,
            environment: ["SMALL": folder.path("small"), "CONFIG": folder.path("l.yaml"), "AFTER": folder.path("after")])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("\(folder.path("small/r/transcripts/run-1.jsonl")): error: cannot write: "
            + "No space left on device."), "\(result.stderr)")
        let data = try #require(bytes(folder.path("after/transcripts/run-1.jsonl")))
        #expect(data.count > 50_000)
        #expect(data.last == 0x0A)
        let lines = try TranscriptLines.objects(folder.path("after/transcripts/run-1.jsonl"))
        #expect(lines.count > 10 && lines.allSatisfy { $0["text"] as? String == line })
    }
}

/// Runs shell scripts in a private mount namespace.
enum FullDisk {
    /// True where this process may make a mount namespace and mount a tmpfs in it (root, with `unshare`).
    static let available: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"),
            let folder = try? TemporaryDirectory()
        else { return false }
        let result = try? run(#"mount -t tmpfs -o size=64k tmpfs "$SMALL""#, environment: ["SMALL": folder.path("m")])
        return result?.status == 0
    }()

    /// Runs `script` with `sh` in a new mount namespace whose mounts stay private, with `environment` added and
    /// `CHATLAB` naming the binary under test. Folders named in `SMALL` are made first.
    static func run(_ script: String, environment: [String: String]) throws -> ChildProcess.Result {
        if let small = environment["SMALL"] {
            try FileManager.default.createDirectory(atPath: small, withIntermediateDirectories: true)
        }
        return try ChildProcess.run(
            "/usr/bin/unshare", ["--mount", "--propagation", "private", "/bin/sh", "-c", script],
            environment: environment.merging(["CHATLAB": ChatlabProcess.binary]) { a, _ in a },
            directory: ChatlabProcess.root)
    }
}
