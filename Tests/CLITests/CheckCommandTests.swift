import Foundation
import TestSupport
import Testing

@Test func checkTriesEachChatterOnceAndFailsWhenOneIsUnreachable() throws {
    let good = try ChatlabProcess.run(["check", "config/demo.yaml"])
    #expect(good.status == 0, "\(good.stderr)")
    #expect(good.stdout.contains("chatter1 tester: ok"))
    #expect(good.stdout.contains("chatter2 robin: ok"))

    let folder = try TemporaryDirectory()
    let config = """
        chatters:
          chatter1: {kind: script, lines: [Hello]}
          chatter2: {kind: http, url: "http://127.0.0.1:1/chat", retries: 0, reply_path: reply}
        """
    try config.write(toFile: folder.path("c.yaml"), atomically: true, encoding: .utf8)
    let bad = try ChatlabProcess.run(["check", folder.path("c.yaml")])
    #expect(bad.status == 1)
    #expect(bad.stdout.contains("chatter2 chatter2: FAILED"))
    #expect(bad.stdout.contains("connection"))
}
