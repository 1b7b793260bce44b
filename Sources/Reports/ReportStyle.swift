import LabCore

/// The cell styles the ChatLab reports share.
enum ReportStyle {
    static let lightGrey: UInt32 = 0xD9D9D9

    /// Header row: bold, wrapped, light grey, thin border.
    static let header = CellStyle(bold: true, wrap: true, fill: lightGrey, border: .thin, vertical: .top)
    /// Ordinary body cell, aligned to the top so it lines up with wrapped neighbours.
    static let body = CellStyle(vertical: .top)
    /// Long text (utterances, notes, errors).
    static let wrapped = CellStyle(wrap: true, vertical: .top)
    /// Score numbers.
    static let score = CellStyle(numberFormat: "0.000", vertical: .top)
    /// Rates shown as percentages.
    static let percent = CellStyle(numberFormat: "0.0%")
    /// Bold label.
    static let bold = CellStyle(bold: true)

    static let pass = CellStyle(fill: 0xC6EFCE, fontColor: 0x006100, vertical: .top)
    static let fail = CellStyle(fill: 0xFFC7CE, fontColor: 0x9C0006, vertical: .top)
    static let skipped = CellStyle(fill: 0xEDEDED, fontColor: 0x595959, vertical: .top)

    /// Row fills of probe turns: information (blue) and question (yellow).
    static let informationFill: UInt32 = 0xDDEBF7
    static let questionFill: UInt32 = 0xFFF2CC

    /// Sheet and workbook titles.
    static let title = CellStyle(bold: true, fontColor: 0x1F4E78)
    /// Pass-rate levels: at least 0.9 green, at least 0.6 amber, below red (fill, font).
    static let goodRate: (fill: UInt32, font: UInt32) = (0xC6EFCE, 0x006100)
    static let fairRate: (fill: UInt32, font: UInt32) = (0xFFEB9C, 0x9C5700)
    static let poorRate: (fill: UInt32, font: UInt32) = (0xFFC7CE, 0x9C0006)

    /// The level colours of a pass rate, or `nil` when nothing was counted.
    static func level(_ rate: Double?) -> (fill: UInt32, font: UInt32)? {
        guard let rate else { return nil }
        if rate >= 0.9 { return goodRate }
        if rate >= 0.6 { return fairRate }
        return poorRate
    }

    /// A small sample's rate (fewer than ``Tally/smallSampleBelow`` verdicts): grey italics, never a level colour.
    static let smallSampleRate = percent.with {
        $0.italic = true
        $0.fill = 0xEDEDED
        $0.fontColor = 0x595959
    }

    /// A pass rate: coloured by level, or in grey italics for a small sample.
    static func rate(_ tally: Tally) -> CellStyle {
        tally.isSmallSample ? smallSampleRate : rate(tally.rate)
    }

    /// The level colours of a tally's rate; `nil` for a small sample or nothing counted.
    static func level(_ tally: Tally) -> (fill: UInt32, font: UInt32)? {
        tally.isSmallSample ? nil : level(tally.rate)
    }

    /// The Wilson 95 % interval as text beside a rate: `52.9–97.8 %`, blank when nothing was counted.
    static func interval(_ tally: Tally) -> CellValue {
        .text(tally.interval?.percentText)
    }

    /// A percent cell coloured by level.
    static func rate(_ rate: Double?) -> CellStyle {
        guard let level = level(rate) else { return percent }
        return percent.with {
            $0.fill = level.fill
            $0.fontColor = level.font
        }
    }
}
