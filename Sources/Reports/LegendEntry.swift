/// One row of a `Legend` sheet: an item (a column, a colour, a code) and what it means. A section heading has no
/// meaning; a colour key shows its colour in the item cell.
struct LegendEntry {
    var item: String
    var meaning: String?
    var style: CellStyle?

    static func heading(_ title: String) -> LegendEntry { LegendEntry(item: title, meaning: nil) }

    static func colour(_ item: String, fill: UInt32, font: UInt32? = nil, _ meaning: String) -> LegendEntry {
        LegendEntry(item: item, meaning: meaning, style: CellStyle(fill: fill, fontColor: font, vertical: .top))
    }
}
