import ArgumentParser
import Foundation
import Lab
import LabCore
import Reports
import Scoring

extension ChatLab {
    struct Calibrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the answer judges, or the toxicity and coherence scorers, against a labeled set.",
            discussion: """
                Reads a JSON Lines file of labeled replies ({"kind": "open"|"closed", "question", "expected", \
                "aliases"?, "reply", "label": "pass"|"fail"}), judges every reply, and prints accuracy, precision and \
                recall (positive class: pass) per judge and per kind, the confusion matrices, and for scored judges \
                the score threshold that maximises accuracy.

                A file of {"text", "label": "toxic"|"ok"} items measures the offline toxicity scorer; a file of \
                {"context", "reply", "label": "coherent"|"incoherent"} items the coherence scorers (when a text \
                encoder is installed). Both report accuracy, precision and recall (positive class: the flagged label) \
                at the scorer's threshold, and the threshold that maximises accuracy. A file of {"question", \
                "closed", "replies", "labels": ["fail"|"reference"|"pass"...]} series measures the ML-I13 \
                consistency judge.

                Every judge that can run is measured: the semantic answer judge and the coherence scorers use the \
                installed sentence encoder (chatlab models install). Items may name their class of case in \
                "class"; accuracy is reported per class. Scored judges also report a threshold fitted on one half \
                of the items (the 1st, 3rd... item of each label) and its accuracy on the other half.

                Example: chatlab calibrate testsets/calibration/answers.jsonl --workbook calibration.xlsx
                """)

        @Argument(help: "The labeled set (JSON Lines).")
        var file: String

        @Flag(help: "Print one JSON object instead of text.")
        var json = false

        @Option(help: "Also write the results to this .xlsx file.")
        var workbook: String?

        func run() throws {
            let set = try CLIErrors.reporting { try LabeledSet.read(path: file) }
            let items: [CalibrationItem]
            switch set {
            case .answers(let answers): items = answers
            case .toxicity(let texts):
                let model = try CLIErrors.reporting { try ProfanityModel.installed() }
                return try show(Agreement.toxicity(texts, file: file, model: model))
            case .coherence(let texts):
                return try show(Agreement.coherence(texts, file: file, encoder: encoder().encoder))
            case .consistency(let series):
                let report = ConsistencyCalibration.run(series, file: file)
                if workbook != nil { throw ValidationError("--workbook is only written for answer sets") }
                return json ? try printJSON(report) : ConsistencyPrinter.print(report)
            }
            let (encoder, unavailable) = encoder()
            let report = Calibration.run(items, file: file, encoder: encoder, unavailable: unavailable)
            if let workbook {
                try CLIErrors.reporting { try CalibrationWorkbook.write(.init(report), to: workbook) }
            }
            if json {
                try printJSON(report)
            } else {
                CalibrationPrinter.print(report)
                if let workbook { print("Workbook: \(workbook)") }
            }
        }

        /// Prints the agreement of a toxicity or coherence scorer with a labeled set.
        private func show(_ report: AgreementReport) throws {
            if workbook != nil { throw ValidationError("--workbook is only written for answer sets") }
            if json {
                try printJSON(report)
            } else {
                AgreementPrinter.print(report)
            }
        }

        /// The installed sentence encoder for the semantic judges, or nil and the reason it cannot be loaded.
        private func encoder() -> (encoder: (any TextEncoder)?, unavailable: String) {
            do {
                return (try EncoderSetup.encoders.encoder(), "")
            } catch {
                return (nil, "\(error)")
            }
        }

        private func printJSON(_ value: some Encodable) throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(value), as: UTF8.self))
        }
    }
}
