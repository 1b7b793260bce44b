import Foundation
import LabCore
import Transcripts

/// Gates as JUnit XML, the report CI systems read: a `<testsuites>` with one `<testsuite>` per gate (the experiment,
/// or each run), one `<testcase>` per check plus one for the rule that the bot under test answered, and a
/// `<failure>` with the reasons in a test case whose limits were missed.
public enum JUnitReport {
    /// The XML document for `gates`.
    public static func xml(_ gates: [Gate]) -> String {
        let tests = gates.reduce(0) { $0 + cases($1).count }
        let failures = gates.reduce(0) { $0 + cases($1).filter { !$0.missed.isEmpty }.count }
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<testsuites name="chatlab" tests="\#(tests)" failures="\#(failures)" errors="0">"#,
        ]
        for gate in gates {
            let cases = cases(gate)
            lines.append(
                #"  <testsuite name="\#(escape(gate.name))" tests="\#(cases.count)" "#
                    + #"failures="\#(cases.filter { !$0.missed.isEmpty }.count)" errors="0" skipped="0">"#)
            for testCase in cases {
                let open = #"    <testcase name="\#(escape(testCase.name))" classname="\#(escape("chatlab." + gate.name))""#
                guard !testCase.missed.isEmpty else {
                    lines.append(open + "/>")
                    continue
                }
                let message = testCase.missed.map(\.reason).joined(separator: "; ")
                lines.append(open + ">")
                lines.append(#"      <failure message="\#(escape(message))" type="threshold">\#(escape(message))</failure>"#)
                lines.append("    </testcase>")
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes ``xml(_:)`` to `path` (replacing it whole).
    public static func write(_ gates: [Gate], to path: String) throws {
        do {
            try Data(xml(gates).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw LabError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    private struct Case {
        var name: String
        var missed: [GateResult]
    }

    private static func cases(_ gate: Gate) -> [Case] {
        let checks = gate.checks.map { key in
            Case(name: "\(key.code) \(key.title) (\(key.seat))", missed: gate.missed(key))
        }
        let answered = gate.results.contains { $0.key == nil }
            ? [Case(name: "bot under test answered", missed: gate.missed(nil))] : []
        return answered + checks
    }

    /// Text for an attribute or element: markup characters escaped, characters XML 1.0 forbids dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n": result += "&#10;"
            case "\t", "\r": result += " "
            default:
                let value = scalar.value
                if value >= 0x20 && !(0xFFFE...0xFFFF).contains(value) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
