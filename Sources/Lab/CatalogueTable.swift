import Foundation
import LabCore

/// The catalogue as a Markdown table (`chatlab list codes`, and the README's table of codes, which a test compares
/// with the catalogue): a row per code with its title, meaning, unit and default threshold.
public enum CatalogueTable {
    public static let header = ["code", "title", "meaning", "unit", "default threshold"]

    public static func markdown(_ catalogue: CheckCatalogue = .builtIn) -> String {
        let rows = [header, header.map { _ in "---" }] + catalogue.entries.map(cells)
        return rows.map { "| " + $0.map(escaped).joined(separator: " | ") + " |" }.joined(separator: "\n")
    }

    /// The cells of one entry's row, unescaped.
    public static func cells(_ entry: CheckEntry) -> [String] {
        [entry.code, entry.title, entry.meaning, entry.unit, entry.threshold.description]
    }

    /// A cell's text with `|` escaped, as Markdown tables need.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
