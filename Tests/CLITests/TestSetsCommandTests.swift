import Foundation
import TestSupport
import Testing

@Test func validatePassesOnTheShippedDatabase() throws {
    let result = try ChatlabProcess.run(["testsets", "validate"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("test sets ok"))
}

@Test func validateFailsWithFileAndLineOnABrokenCopy() throws {
    let folder = try TemporaryDirectory()
    let original = try String(contentsOfFile: ChatlabProcess.root + "/testsets/qa-pets.yaml", encoding: .utf8)
    let broken = original.replacingOccurrences(of: "    expected: Pepper\n", with: "    expected: Biscuit\n")
    try broken.write(toFile: folder.path("qa-pets.yaml"), atomically: true, encoding: .utf8)
    try original.write(toFile: folder.path("copy.yaml"), atomically: true, encoding: .utf8)
    let result = try ChatlabProcess.run(["testsets", "validate", "--dir", folder.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("qa-pets.yaml:10:9: error:"), "\(result.stderr)")
    #expect(result.stderr.contains("does not contain the expected answer 'Biscuit'"))
    #expect(result.stderr.contains("is used twice"))
}

@Test func showPrintsASet() throws {
    let result = try ChatlabProcess.run(["testsets", "show", "qa-dog-name"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("expected: Pepper"))
}
