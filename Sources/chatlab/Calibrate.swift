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
                at the scorer's threshold, and the threshold that maximises accuracy.

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
                return try show(Agreement.coherence(texts, file: file, encoder: try? EncoderSetup.encoders.encoder()))
            }
            let report = Calibration.run(items, file: file)
            if let workbook {
                try CLIErrors.reporting { try CalibrationWorkbook.write(.init(report), to: workbook) }
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                CalibrationPrinter.print(report)
                if let workbook { print("Workbook: \(workbook)") }
            }
        }

        /// Prints the agreement of a toxicity or coherence scorer with a labeled set.
        private func show(_ report: AgreementReport) throws {
            if workbook != nil { throw ValidationError("--workbook is only written for answer sets") }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                AgreementPrinter.print(report)
            }
        }
    }
}
