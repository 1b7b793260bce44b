import Foundation

/// A workbook read back through `scripts/xlsx_dump.py` (python3 + openpyxl), for tests.
public struct XLSXDump: Decodable, Sendable {
    public var sheets: [Sheet]

    /// Sheet names in workbook order.
    public var sheetNames: [String] { sheets.map(\.name) }

    public func sheet(named name: String) -> Sheet? { sheets.first { $0.name == name } }

    /// Every cell of every sheet.
    public var allCells: [Cell] { sheets.flatMap(\.cells) }

    /// Runs `python3 scripts/xlsx_dump.py <path>` and decodes its JSON.
    public static func load(_ path: String) throws -> XLSXDump {
        let data = try Python.run(script: "scripts/xlsx_dump.py", arguments: [path])
        return try JSONDecoder().decode(XLSXDump.self, from: data)
    }

    /// A sheet's page setup: `orientation` (`landscape`, `portrait` or nil), fitting to pages (0: as many as needed)
    /// and the rows printed on every page, e.g. `$1:$1`.
    public struct Page: Decodable, Sendable {
        public var orientation: String?
        public var fit_to_page: Bool
        public var fit_width: Int?
        public var fit_height: Int?
        public var print_title_rows: String?
    }

    /// One worksheet.
    public struct Sheet: Decodable, Sendable {
        public var name: String
        /// Top-left cell of the unfrozen pane, e.g. `A2` when the first row is frozen; `nil` when nothing is frozen.
        public var freeze_panes: String?
        /// The autofilter range, e.g. `A1:K4`, or `nil`.
        public var auto_filter: String?
        /// How the sheet prints (absent from dumps made before it was read).
        public var page: Page?
        public var max_row: Int
        public var max_column: Int
        public var columns: [Column]
        public var cells: [Cell]
        public var charts: [Chart]

        /// The cell at 1-based `row` and `col`, if it has a value or a fill.
        public func cell(row: Int, col: Int) -> Cell? {
            cells.first { $0.row == row && $0.col == col }
        }

        /// The value at 1-based `row` and `col`.
        public func value(row: Int, col: Int) -> JSONValue? { cell(row: row, col: col)?.value }

        /// The texts of the header row (row 1), in column order; missing cells are empty strings.
        public var headers: [String] {
            let last = cells.filter { $0.row == 1 }.map(\.col).max() ?? 0
            guard last > 0 else { return [] }
            return (1...last).map { cell(row: 1, col: $0)?.value.string ?? "" }
        }

        /// The 1-based column whose header (row 1) is `header`.
        public func column(named header: String) -> Int? {
            cells.first { $0.row == 1 && $0.value.string == header }?.col
        }

        /// The 1-based row whose column-`col` value is the text `label`.
        public func row(labelled label: String, col: Int = 1) -> Int? {
            cells.first { $0.col == col && $0.value.string == label }?.row
        }

        /// The width set for a 1-based column, if any.
        public func width(col: Int) -> Double? {
            columns.first { $0.min <= col && col <= $0.max }?.width
        }
    }

    /// A width setting for columns `min...max` (1-based).
    public struct Column: Decodable, Sendable {
        public var letter: String
        public var min: Int
        public var max: Int
        public var width: Double
    }

    /// One cell as openpyxl sees it.
    public struct Cell: Decodable, Sendable {
        public var row: Int
        public var col: Int
        public var value: JSONValue
        /// openpyxl's type: `s` string, `n` number (or blank), `f` formula, `b` boolean, `d` date, `e` error.
        public var data_type: String
        /// Fill colour as `RRGGBB`.
        public var fill: String?
        public var font_color: String?
        public var bold: Bool
        /// Absent from dumps made before italics were read.
        public var italic: Bool?
        public var number_format: String
        /// The hyperlink: `#'Runs'!A1` inside the workbook, `report.xlsx#'Run 1'!A1` to another file.
        public var link: String?
    }

    /// A chart drawn on a sheet, read from the package's chart parts.
    public struct Chart: Decodable, Sendable {
        /// The plot element, e.g. `barChart`.
        public var type: String?
        /// `bar` (horizontal) or `col` for bar charts.
        public var direction: String?
        public var title: String?
        /// 1-based top-left cell of the chart.
        public var row: Int
        public var col: Int
        public var series: [Series]
    }

    /// One chart series: its name and its category and value ranges, e.g. `'Histograms'!$D$3:$D$22`.
    public struct Series: Decodable, Sendable {
        public var name: String?
        public var categories: String?
        public var values: String?
    }
}
