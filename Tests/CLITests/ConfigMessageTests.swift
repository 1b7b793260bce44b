import Foundation
import TestSupport
import Testing

// Issue #22, reproducer 12: errors about configs name file:line in ChatLab's words, cut what they echo, and say
// why a file cannot be read.

@Test func aComplexKeyIsRefusedInChatLabsWords() throws {
    let folder = try TemporaryDirectory()
    let outcome = try HostileInput.validate("name: x\n[a, b]: c\n", in: folder)
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("hostile.yaml:2:1: error: this key is a list or a mapping"), "\(outcome.stderr)")
    for word in ["Node", "Mark", "scalar(", "sequence(", "Yams"] {
        #expect(!outcome.stderr.contains(word), "\(outcome.stderr)")
    }
}

@Test func aReaderErrorIsPlacedAtItsLineAndColumn() throws {
    let folder = try TemporaryDirectory()
    let outcome = try HostileInput.validate("name: x\nrounds: 3\nruns: 1\u{1}\n", in: folder)
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("hostile.yaml:3:8: error:"), "\(outcome.stderr)")
    #expect(outcome.stderr.contains("U+0001"), "\(outcome.stderr)")
}

@Test func aHugeValueIsCutInTheMessage() throws {
    let folder = try TemporaryDirectory()
    let outcome = try HostileInput.validate("rounds: " + String(repeating: "x", count: 1_000_000) + "\n", in: folder)
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("'rounds' must be a whole number, not the text 'xxxx"), "\(outcome.stderr.prefix(300))")
    #expect(outcome.stderr.contains("…"))
    #expect(outcome.stderr.utf8.count < 400, "the message echoes \(outcome.stderr.utf8.count) bytes")
}

@Test func aHugeUnknownKeyIsCutInTheMessage() throws {
    let folder = try TemporaryDirectory()
    let outcome = try HostileInput.validate("? " + String(repeating: "k", count: 500_000) + "\n: 1\n", in: folder)
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("unknown key 'kkkk"))
    #expect(outcome.stderr.utf8.count < 800, "the message echoes \(outcome.stderr.utf8.count) bytes")
}

@Test func unreadableConfigsSayWhy() throws {
    let folder = try TemporaryDirectory()
    try FileManager.default.createDirectory(atPath: folder.path("a-folder.yaml"), withIntermediateDirectories: true)
    #expect(mkfifo(folder.path("fifo.yaml"), 0o600) == 0)
    try Data([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x0a, 0x20, 0xff, 0xfe]).write(to: folder.url.appendingPathComponent("latin.yaml"))
    try Data(repeating: 0x23, count: 5 << 20).write(to: folder.url.appendingPathComponent("big.yaml"))
    let expected = [
        "missing.yaml": "no such file", "a-folder.yaml": "it is a folder", "fifo.yaml": "it is not a regular file",
        "latin.yaml": "it is not UTF-8 text (the first bad byte is on line 2)", "big.yaml": "it is larger than 4 MB",
    ]
    for (name, reason) in expected {
        let outcome = try HostileInput.run(["validate", folder.path(name)])
        #expect(!outcome.timedOut, "validate blocked on \(name)")
        #expect(outcome.status == 2, "\(name): \(outcome.stderr)")
        #expect(outcome.stderr.contains("\(folder.path(name)): error: cannot read the file: \(reason)"), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("NSCocoaErrorDomain"))
    }
}

@Test func quotedNumbersAreTextEverywhere() throws {
    let folder = try TemporaryDirectory()
    let base = try String(contentsOfFile: ChatlabProcess.root + "/config/demo.yaml", encoding: .utf8)
        .replacingOccurrences(of: "../testsets", with: ChatlabProcess.root + "/testsets")
    for (plain, quoted) in [("seed: 42", "seed: \"7\""), ("runs: 5", "runs: \"5\""), ("rounds: 40", "rounds: '40'")] {
        let outcome = try HostileInput.validate(base.replacingOccurrences(of: plain, with: quoted), in: folder)
        let key = plain.split(separator: ":")[0]
        #expect(outcome.status == 2, "\(quoted) was accepted")
        #expect(outcome.stderr.contains("'\(key)' must be a whole number"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("write numbers and true/false without quotes"), "\(outcome.stderr)")
    }
    #expect(try HostileInput.validate(base, in: folder).status == 0)
}
