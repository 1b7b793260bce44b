import LabCore
import Scoring
import Testing
import TestSupport

// Issue 13: an 8-line file of the demo's non-answers, half expecting "no", scored 62.5 % in `chatlab calibrate`.
@Test func nonAnswersScoreFullMarksWhenLabeledFail() {
    let replies = ["I don't think you told me that.", "Hmm, I can't answer that one.", "Good question! I'm not sure.",
        "That's a tricky one, I'm not sure."]
    let items = replies.flatMap { reply in
        [TestSet.Expected.yes, .no].map {
            CalibrationItem(kind: .closed, question: "Do I have a dog?", expected: $0, reply: reply, label: .fail,
                category: $0 == .yes ? "non-answer (yes)" : "non-answer (no)")
        }
    }
    let report = Calibration.run(items, file: "non-answers.jsonl")
    #expect(report.accuracy == 1)
    #expect(report.classes["non-answer (no)"] == ClassAccuracy(items: 4, agreed: 4))
    #expect(report.classes["non-answer (yes)"]?.accuracy == 1)
}

@Test func accuracyIsReportedPerClassAndThresholdsAreHeldOut() throws {
    let item = { (reply: String, label: Verdict, category: String?) in
        CalibrationItem(kind: .open, question: "What is my cat called?", expected: .text("Mittens", aliases: []),
            reply: reply, label: label, category: category)
    }
    let items = [
        item("Mittens.", .pass, "direct"), item("It's Mittens!", .pass, "direct"), item("Mitten.", .fail, "near miss"),
        item("Whiskers.", .fail, "near miss"), item("No idea.", .fail, nil), item("Mittens, I think.", .pass, nil),
    ]
    let report = Calibration.run(items, file: "f")
    let lexical = try #require(report.judge("lexical-open"))
    #expect(lexical.classes["direct"] == ClassAccuracy(items: 2, agreed: 2))
    #expect(lexical.classes["near miss"] == ClassAccuracy(items: 2, agreed: 2))
    #expect(lexical.classes["open"] == ClassAccuracy(items: 2, agreed: 2))  // items without a class: their kind
    let heldOut = try #require(lexical.heldOut)
    #expect(heldOut.fitItems == 4 && heldOut.measuredItems == 2)  // 1st and 3rd pass and fail fit, the 2nd measure
    #expect(heldOut.fittedOn.contains("1st, 3rd"))
    #expect(heldOut.measuredOn.contains("2nd, 4th"))
    #expect(report.judge("closed")?.heldOut == nil)
}

@Test func halvesAreStratifiedByLabel() {
    // Alternating labels would put every pass in one half with a plain odd/even split.
    let (fit, measure) = HeldOutThreshold.halves([true, false, true, false, true, false, true, false])
    #expect(fit == [0, 1, 4, 5])
    #expect(measure == [2, 3, 6, 7])
}

@Test func theSemanticJudgeIsCalibratedWhenAnEncoderIsGiven() throws {
    let items = [CalibrationItem(kind: .open, question: "Q?", expected: .text("Mittens", aliases: []), reply: "Kitty", label: .fail)]
    let report = Calibration.run(items, file: "f", encoder: HashingEncoder())
    #expect(report.judge("semantic-open") != nil)
    #expect(report.skipped.isEmpty)
    let without = Calibration.run(items, file: "f", unavailable: "no model at /x: run chatlab models install")
    #expect(without.skipped == ["semantic-open: no model at /x: run chatlab models install"])
}

@Test func consistencySeriesAreMeasuredReplyByReply() throws {
    let series = [
        ConsistencySeries(question: "What are your hobbies?", isClosed: false,
            replies: ["Good question! I'm not sure.", "Hiking and chess.", "Chess and hiking!", "I play golf."],
            labels: [.fail, .reference, .pass, .fail], category: "non-answer first"),
        ConsistencySeries(question: "Do you have a pet?", isClosed: true,
            replies: ["Yes, a tortoise.", "Nope."], labels: [.reference, .pass], category: "closed flip"),
    ]
    let report = ConsistencyCalibration.run(series, file: "c.jsonl")
    #expect(report.replies == 6)
    #expect(report.classes["non-answer first"] == ClassAccuracy(items: 4, agreed: 4))
    #expect(report.classes["closed flip"] == ClassAccuracy(items: 2, agreed: 1))
    #expect(report.mistakes.map(\.reply) == ["Nope."])
    #expect(report.labels["reference"]?.accuracy == 1)
}
