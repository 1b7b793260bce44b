import Foundation
import LabCore
import Scoring
import Testing

@Test func readerNamesFileAndLineOfABadLine() throws {
    let good = #"{"kind": "closed", "question": "Q?", "expected": true, "reply": "Yes", "label": "pass"}"#
    let text = [good, "", #"{"kind": "closed", "question": "Q?", "expected": "yes", "reply": "Yes", "label": "pass"}"#].joined(separator: "\n")
    #expect(throws: CalibrationError(file: "set.jsonl", line: 3, message: "a closed item's \"expected\" must be true or false")) {
        try CalibrationReader.parse(text, file: "set.jsonl")
    }
    #expect(throws: CalibrationError.self) { try CalibrationReader.parse(good + "\n{not json", file: "f") }
    do {
        _ = try CalibrationReader.parse(good + "\n" + #"{"kind": "open", "question": "Q?", "expected": "A", "reply": "A"}"#, file: "f.jsonl")
        Issue.record("a missing label must throw")
    } catch let error as CalibrationError {
        #expect(error.description == "f.jsonl:2: missing \"label\"")
    }
    #expect(try CalibrationReader.parse(good + "\n\n", file: "f").count == 1)
    #expect(throws: CalibrationError.self) { try CalibrationReader.read(path: "/nonexistent/set.jsonl") }
}

@Test func readerMapsExpectedAnswers() throws {
    let line = #"{"kind": "open", "question": "Q?", "expected": "30", "aliases": ["thirty"], "reply": "30", "label": "fail"}"#
    let item = try #require(try CalibrationReader.parse(line, file: "f").first)
    #expect(item.expected == .text("30", aliases: ["thirty"]))
    #expect(item.label == .fail)
    #expect(item.source == "f:1")
}

@Test func metricsOnAHandMadeSet() {
    var matrix = ConfusionMatrix()
    for (predicted, actual) in [(true, true), (true, true), (true, false), (false, true), (false, false), (false, false), (false, false), (false, false)] {
        matrix.add(predicted: predicted, actual: actual)
    }
    #expect(matrix == ConfusionMatrix(truePositives: 2, falsePositives: 1, trueNegatives: 4, falseNegatives: 1))
    #expect(matrix.accuracy == 0.75)
    #expect(matrix.precision == 2.0 / 3.0)
    #expect(matrix.recall == 2.0 / 3.0)
    #expect(ConfusionMatrix().accuracy == nil)
}

@Test func sweepFindsTheBestThreshold() {
    let best = ThresholdSweep.best([(0.9, true), (0.8, true), (0.7, false), (0.5, false), (nil, false), (0.95, false)])
    #expect(best == ThresholdSweep.Choice(threshold: 0.8, accuracy: 5.0 / 6.0))
    #expect(ThresholdSweep.best([]) == nil)
}

@Test func calibrationCountsPerJudgeAndKind() {
    let items = [
        CalibrationItem(kind: .closed, question: "Do I have a dog?", expected: .yes, reply: "Yes.", label: .pass),
        CalibrationItem(kind: .closed, question: "Do I have a cat?", expected: .no, reply: "I know.", label: .fail),
        CalibrationItem(kind: .open, question: "Name?", expected: .text("Johan", aliases: []), reply: "John.", label: .fail),
        CalibrationItem(kind: .open, question: "Name?", expected: .text("Johan", aliases: []), reply: "Johan", label: .pass),
        // A label the judge disagrees with, to check mistakes are reported.
        CalibrationItem(kind: .open, question: "Name?", expected: .text("Johan", aliases: []), reply: "Jo", label: .pass),
    ]
    let report = Calibration.run(items, file: "hand.jsonl")
    #expect(report.items == 5)
    #expect(report.accuracy == 0.8)
    #expect(report.kinds["closed"]?.accuracy == 1)
    #expect(report.kinds["open"]?.confusion == ConfusionMatrix(truePositives: 1, falsePositives: 0, trueNegatives: 1, falseNegatives: 1))
    #expect(report.judge("lexical-open")?.bestThreshold != nil)
    #expect(report.judge("closed")?.bestThreshold == nil)
    #expect(report.judge("default")?.mistakes.map(\.reply) == ["Jo"])
    #expect(report.judge("semantic-open") == nil)
    #expect(report.skipped.count == 1)
}
