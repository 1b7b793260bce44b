import Foundation
import Synchronization
import LabCore
import TestSupport
import Testing
import Transcripts

/// Report folders are made exclusively and locked; `-latest` is only ever ChatLab's own symbolic link.
@Suite struct ReportFolderTests {
    private let date = Date(timeIntervalSince1970: 1_800_000_000)

    /// Many processes starting in the same second: `mkdir` decides, so each gets a folder of its own.
    @Test func foldersMadeInTheSameSecondAreAllDifferent() throws {
        let out = try TemporaryDirectory()
        let made = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 12) { _ in
            if let created = try? ReportFolder.create(parent: out.path, name: "same", date: date) {
                made.withLock { $0.append(created.folder.path) }
            }
        }
        let paths = made.withLock { $0 }
        #expect(paths.count == 12)
        #expect(Set(paths).count == 12)
        #expect(paths.contains(out.path("same-20270115-080000")))
        #expect(paths.contains(out.path("same-20270115-080000-12")))
        for path in paths {
            #expect(FileManager.default.fileExists(atPath: "\(path)/transcripts"))
        }
        let latest = try FileManager.default.destinationOfSymbolicLink(atPath: out.path("same-latest"))
        #expect(paths.contains(out.path(latest)))
        // No temporary link is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func aRealFolderNamedLatestIsNeverRemoved() throws {
        let out = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: out.path("keep-latest"), withIntermediateDirectories: true)
        try "precious".write(toFile: out.path("keep-latest/notes.txt"), atomically: true, encoding: .utf8)
        let created = try ReportFolder.create(parent: out.path, name: "keep", date: date)
        #expect(created.warnings.count == 1)
        #expect(created.warnings.first?.contains("keep-latest is a real folder") == true)
        #expect(try String(contentsOfFile: out.path("keep-latest/notes.txt"), encoding: .utf8) == "precious")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: out.path("keep-latest"))) == nil)

        // A file too.
        try "mine".write(toFile: out.path("file-latest"), atomically: true, encoding: .utf8)
        let again = try ReportFolder.create(parent: out.path, name: "file", date: date)
        #expect(again.warnings.first?.contains("file-latest is a real file") == true)
        #expect(try String(contentsOfFile: out.path("file-latest"), encoding: .utf8) == "mine")
    }

    @Test func theLatestLinkMovesToTheNewestFolder() throws {
        let out = try TemporaryDirectory()
        let first = try ReportFolder.create(parent: out.path, name: "x", date: date)
        let second = try ReportFolder.create(parent: out.path, name: "x", date: date.addingTimeInterval(1))
        #expect(first.warnings.isEmpty && second.warnings.isEmpty)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out.path("x-latest")) == "x-20270115-080001")
        #expect(FileManager.default.fileExists(atPath: first.folder.path))
    }

    @Test func aGivenFolderMustBeNewOrEmpty() throws {
        let out = try TemporaryDirectory()
        // New (with missing parents): made.
        let new = try ReportFolder.claim(path: out.path("a/b/new"))
        #expect(FileManager.default.fileExists(atPath: out.path("a/b/new/transcripts")))
        // Empty: taken.
        try FileManager.default.createDirectory(atPath: out.path("empty"), withIntermediateDirectories: true)
        _ = try ReportFolder.claim(path: out.path("empty"))
        // Not empty: refused, and left as it was (no lock file made in it).
        try FileManager.default.createDirectory(atPath: out.path("full"), withIntermediateDirectories: true)
        try "x".write(toFile: out.path("full/summary.json"), atomically: true, encoding: .utf8)
        #expect(throws: LabError.folderNotEmpty(path: out.path("full"))) { try ReportFolder.claim(path: out.path("full")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path("full")) == ["summary.json"])
        // A file.
        try "x".write(toFile: out.path("file"), atomically: true, encoding: .utf8)
        #expect(throws: LabError.cannotWrite(path: out.path("file"), reason: "it is a file, not a folder")) {
            try ReportFolder.claim(path: out.path("file"))
        }
        // An empty folder another writer has just locked.
        try FileManager.default.createDirectory(atPath: out.path("taken"), withIntermediateDirectories: true)
        let held = try ReportFolder(path: out.path("taken")).lock()
        #expect(throws: LabError.folderInUse(path: out.path("taken"), pid: getpid())) {
            try ReportFolder.claim(path: out.path("taken"))
        }
        withExtendedLifetime((new.lock, held)) {}
    }

    /// `flock` locks belong to an open file: a second lock on the same folder fails even in the same process, and
    /// names the holder; once released, the folder can be locked again.
    @Test func aLockedFolderRefusesASecondWriter() throws {
        let out = try TemporaryDirectory()
        let folder = ReportFolder(path: out.path)
        var lock: FolderLock? = try folder.lock()
        #expect(throws: LabError.folderInUse(path: out.path, pid: getpid())) { try folder.lock() }
        let message = "\(LabError.folderInUse(path: out.path, pid: 4242))"
        #expect(message.contains("pid 4242") && message.contains(out.path))
        #expect(lock != nil)
        lock = nil
        #expect(throws: Never.self) { _ = try folder.lock() }
        #expect(throws: LabError.notAReportFolder(path: out.path("missing"))) {
            try ReportFolder(path: out.path("missing")).lock()
        }
    }

    /// `--force`: the folder is locked before anything in it is removed, and stays locked for the new run; a folder
    /// another writer holds is left whole; a folder ChatLab did not write is never cleared.
    @Test func clearingHappensUnderTheNewRunsLock() throws {
        let out = try TemporaryDirectory()
        let folder = ReportFolder(path: out.path("used"))
        try folder.createDirectories()
        try "name: x\n".write(toFile: folder.config, atomically: true, encoding: .utf8)
        try "{}".write(toFile: folder.transcript(run: 1), atomically: true, encoding: .utf8)

        var other: FolderLock? = try folder.lock()
        #expect(throws: LabError.folderInUse(path: folder.path, pid: getpid())) {
            try ReportFolder.claim(path: folder.path, clearing: true)
        }
        #expect(FileManager.default.fileExists(atPath: folder.transcript(run: 1)))
        other = nil
        #expect(other == nil)

        let (claimed, lock) = try ReportFolder.claim(path: folder.path, clearing: true)
        #expect(!FileManager.default.fileExists(atPath: folder.transcript(run: 1)))
        #expect(!FileManager.default.fileExists(atPath: folder.config))
        // The lock that covered the clearing is the one the run holds: nobody else can write in between.
        #expect(throws: LabError.folderInUse(path: folder.path, pid: getpid())) { try claimed.lock() }
        withExtendedLifetime(lock) {}

        let foreign = out.path("foreign")
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try "keep".write(toFile: "\(foreign)/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: LabError.notAReportFolder(path: foreign)) { try ReportFolder.claim(path: foreign, clearing: true) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: foreign) == ["notes.txt"])
    }
}

/// Transcript lines are whole or absent.
@Suite struct TranscriptLineTests {
    private func turn(_ index: Int) -> Turn {
        Turn(run: 1, round: (index + 1) / 2, index: index, seat: index % 2 == 1 ? .chatter1 : .chatter2,
            text: "line \(index)", saw: index - 1, latency: 0.5)
    }

    @Test func aLastLineCutShortIsLeftOutWithAWarning() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("run-1.jsonl")
        let writer = try TranscriptWriter(path: path)
        for index in 1...3 { try writer.append(turn(index)) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"index\":4,\"te".utf8))
        try handle.close()
        var warnings: [String] = []
        let transcript = try TranscriptReader.read(path: path, run: 1) { warnings.append($0) }
        #expect(transcript.turns.map(\.index) == [1, 2, 3])
        #expect(warnings == ["\(path):4: warning: the last line is cut short (the run was stopped while writing it); "
            + "it is left out"])
        // A whole file gives no warning.
        warnings = []
        let whole = folder.path("run-2.jsonl")
        let other = try TranscriptWriter(path: whole)
        for index in 1...2 { try other.append(turn(index)) }
        #expect(try TranscriptReader.read(path: whole, run: 2) { warnings.append($0) }.turns.count == 2)
        #expect(warnings.isEmpty)
    }

    /// A write that fails names the system's reason (here /dev/full's: the disk is full).
    @Test func aFailedWriteNamesTheSystemsReason() throws {
        let writer = try TranscriptWriter(path: "/dev/full")
        #expect(throws: LabError.cannotWrite(path: "/dev/full", reason: "No space left on device")) {
            try writer.append(turn(1))
        }
    }
}
