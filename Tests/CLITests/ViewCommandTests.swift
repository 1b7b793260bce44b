import Foundation
import TestSupport
import Testing

/// `chatlab view`: one self-contained HTML page of a report folder, checked in a real headless browser (Chromium)
/// that it renders every turn and that its filter hides passing turns; transcript text is escaped and bounded.
@Suite(.serialized) struct ViewCommandTests {
    static let injected = "<script>document.title='pwned'</script> \"quoted\" & 'single'"
    static let config = """
        name: view-test
        rounds: 4
        chatters:
          chatter1:
            kind: script
            lines: ["I have I have I have a cat.", "\(injected.replacingOccurrences(of: "\"", with: "\\\""))", "How are you?", "\((0..<1_500).map { "w\($0)" }.joined(separator: " "))"]
          chatter2: {kind: echo}
        scorers:
          stutter: {threshold: 0.5}
          response_time: {max_seconds: 4}
        """

    let folder: TemporaryDirectory
    let page: String

    init() throws {
        folder = try TemporaryDirectory(prefix: "chatlab-view")
        try Self.config.write(toFile: folder.path("v.yaml"), atomically: true, encoding: .utf8)
        let run = try ChatlabProcess.run(["run", folder.path("v.yaml"), "--report-dir", folder.path("r"), "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        page = folder.path("page.html")
        let view = try ChatlabProcess.run(["view", folder.path("r"), "--out", page])
        #expect(view.status == 0, "\(view.stderr)")
        #expect(view.stdout.contains("8 turns, 1 failing"), "\(view.stdout)")
    }

    /// The turn rows of a dumped document, each with whether it is hidden.
    private func turnRows(_ dom: String) throws -> [(tag: String, hidden: Bool)] {
        let pattern = try NSRegularExpression(pattern: "<tr class=\"turn[^\"]*\"[^>]*>")
        return pattern.matches(in: dom, range: NSRange(dom.startIndex..., in: dom)).map {
            let tag = String(dom[Range($0.range, in: dom)!])
            return (tag, tag.contains(" hidden"))
        }
    }

    private func render(_ fragment: String) throws -> String {
        let chromium = try #require(Chromium.executable, "chromium is missing: run scripts/setup.sh --test")
        let dom = try Chromium.dumpDOM(
            "file://\(page)\(fragment)", chromium: chromium, profile: folder.path("profile"))
        return try #require(dom, "chromium did not render the page")
    }

    @Test func theBrowserRendersEveryTurnAndTheSummary() throws {
        let dom = try render("")
        let rows = try turnRows(dom)
        #expect(rows.count == 8)
        #expect(rows.allSatisfy { !$0.hidden })
        #expect(dom.contains("<title>ChatLab report: view-test</title>"), "the injected script must not run")
        #expect(dom.contains("8 of 8 turns shown"))
        #expect(dom.contains("<td>ML-A6</td><td>stutter</td>"))
        // 3 of 4 stutter verdicts: the Wilson 95 % interval beside the rate, and the small-sample mark.
        #expect(dom.contains("75.0 % <em"), "\(dom)")
        #expect(dom.contains("<td class=\"num\">30.1–95.4 %</td>"))
        #expect(dom.contains("fails above 0.5"))
        #expect(dom.contains("rounds_done"))
        #expect(dom.contains("ML-A6 stutter: fail"))
        #expect(dom.contains("I have I have I have a cat."))
    }

    @Test func theFailuresFragmentHidesPassingTurns() throws {
        let rows = try turnRows(try render("#failures"))
        #expect(rows.count == 8)
        let shown = rows.filter { !$0.hidden }
        #expect(shown.count == 1, "\(shown.map(\.tag))")
        #expect(shown.first?.tag.contains("data-fails=\"ML-A6\"") == true)
        #expect(shown.first?.tag.contains("failing") == true)

        let none = try turnRows(try render("#failures=RT"))
        #expect(none.count == 8 && none.allSatisfy(\.hidden), "no turn fails RT")
    }

    @Test func transcriptTextIsEscapedAndBounded() throws {
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(!html.contains("<script>document"))
        #expect(html.components(separatedBy: "<script>").count == 2, "only the page's own script")
        #expect(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;"))
        #expect(html.contains("more characters cut]"))
        #expect(html.contains("w100 ") && !html.contains("w1499"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src="), "loads nothing")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("page.html.") }
        #expect(leftovers.isEmpty, "no temporary file left: \(leftovers)")
    }
}
