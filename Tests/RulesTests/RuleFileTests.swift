import Foundation
import Rules
import Testing

@Suite struct RuleFileTests {
    func problem(_ text: String) -> String {
        do {
            _ = try RuleFileLoader.load(text: text, file: "rules/x.yaml")
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func aSyntaxErrorNamesTheFilesLineAndColumnWithACaret() {
        let text = "name: price\ndescription: d\noracle: extract_float(price) >= and True\n"
        let message = problem(text)
        #expect(message.hasPrefix("rules/x.yaml:3:33: error: invalid syntax in 'oracle' of rule 'price'"), "\(message)")
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1] == "    oracle: extract_float(price) >= and True")
        #expect(lines[2] == "    " + String(repeating: " ", count: 32) + "^")
    }

    @Test func errorsInBlockScalarsPointIntoTheFile() {
        let text = "- name: multi\n  description: d\n  oracle: |\n    a = 1\n    b = (a +\n    b\n"
        let message = problem(text)
        #expect(message.hasPrefix("rules/x.yaml:5:9: error"), "\(message)")
    }

    @Test func unknownKeysAndDuplicateNamesAreErrors() throws {
        #expect(problem("name: a\ndescription: d\norcle: True\n").contains("rules/x.yaml:3:1: error: unknown key 'orcle' in a rule. Did you mean 'oracle'?"))
        #expect(problem("name: a\ndescription: d\n").contains("needs the key 'oracle"))
        #expect(problem("name: a\ndescription: d\nconversations: many\noracle: True\n").contains("'conversations' must be 1"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rules-dup-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "- name: a\n  description: d\n  oracle: True\n".write(toFile: "\(folder)/one.yaml", atomically: true, encoding: .utf8)
        try "name: a\ndescription: d\noracle: False\n".write(toFile: "\(folder)/two.yml", atomically: true, encoding: .utf8)
        #expect(throws: RuleFileError.self) { try RuleFileLoader.load(paths: [folder]) }
        do {
            _ = try RuleFileLoader.load(paths: [folder])
        } catch {
            #expect(error.description.contains("two.yml:1: error: a rule named 'a' is already defined at \(folder)/one.yaml:1"))
        }
    }

    @Test func theAliasesThenAndOracleAndYAMLBooleans() throws {
        let rules = try RuleFileLoader.load(text: "- {name: a, description: d, then: 'True', when: true}\n- {name: b, description: d, oracle: 1 == 1, active: false}\n", file: "f.yaml")
        #expect(rules.map(\.name) == ["a", "b"])
        #expect(rules[1].active == false)
        #expect(rules[0].when.source == "True")
    }
}
