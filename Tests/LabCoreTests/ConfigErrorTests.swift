import LabCore
import LabYAML
import Testing

@Test func unknownKeyNamesLineColumnAndSuggestion() throws {
    let text = "name: x\nrund: 5\n"
    let map = try YAMLValue.parse(text, file: "c.yaml").mapping("the experiment")
    do {
        try map.checkKeys(allowed: ["name", "rounds", "runs"])
        Issue.record("expected an error")
    } catch let error as ConfigError {
        #expect(error.location == ConfigError.Location(file: "c.yaml", line: 2, column: 1))
        #expect(error.description.contains("c.yaml:2:1"))
        #expect(error.description.contains("'rund'"))
        #expect(error.description.contains("Did you mean"))
    }
}

@Test func wrongTypeSaysWhatWasFound() throws {
    let map = try YAMLValue.parse("runs: many\n", file: "c.yaml").mapping("the experiment")
    #expect(throws: ConfigError.wrongType(.init(file: "c.yaml", line: 1, column: 7), key: "runs",
        expected: "a whole number", found: "the text 'many'")) {
        try map["runs"]!.int()
    }
}

@Test func outOfRangeValueIsRejected() throws {
    let map = try YAMLValue.parse("rounds: -3\np: 1.5\n", file: "c.yaml").mapping("x")
    #expect(throws: ConfigError.self) { try map["rounds"]!.int(in: 1...10) }
    do {
        _ = try map["p"]!.probability()
        Issue.record("expected an error")
    } catch let error as ConfigError {
        #expect(error.description.hasPrefix("c.yaml:2:4: error: 'p' is 1.5"))
    }
}

@Test func malformedYAMLGivesItsLine() {
    do {
        _ = try YAMLValue.parse("a: 1\nb: [1, 2\nc: 3\n", file: "bad.yaml")
        Issue.record("expected an error")
    } catch let error as ConfigError {
        guard case .syntax(let location, _) = error else { Issue.record("wrong case \(error)"); return }
        #expect(location.file == "bad.yaml")
        #expect(location.line >= 2)
    } catch {
        Issue.record("unexpected \(error)")
    }
}

@Test func suggestionsOnlyForLikelyTypos() {
    #expect(Suggestion.nearest(to: "rund", in: ["rounds", "runs"]) == "runs")
    #expect(Suggestion.nearest(to: "colour", in: ["rounds", "runs"]) == nil)
    #expect(EditDistance.between("kitten", "sitting") == 3)
}
