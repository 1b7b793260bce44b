import CXLSXWriter
import Foundation

/// Translates a ``Chart`` into libxlsxwriter chart calls. The library copies every string and struct it is given.
enum NativeChart {
    static func make(_ chart: Chart, in workbook: UnsafeMutablePointer<lxw_workbook>) -> UnsafeMutablePointer<lxw_chart>? {
        let type: lxw_chart_type
        switch chart.kind {
        case .bar: type = LXW_CHART_BAR
        case .column: type = LXW_CHART_COLUMN
        case .pie: type = LXW_CHART_PIE
        case .line: type = LXW_CHART_LINE
        }
        guard let native = workbook_add_chart(workbook, UInt8(type.rawValue)) else { return nil }
        chart_title_set_name(native, CellText.clean(chart.title))
        for series in chart.series {
            guard let nativeSeries = chart_add_series(native, nil, nil) else { return nil }
            apply(series, to: nativeSeries)
        }
        if chart.kind == .pie {
            if !chart.legend { chart_legend_set_position(native, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }
            return native
        }
        // Bar charts are horizontal: their value axis is the x axis (as in Excel's and libxlsxwriter's naming).
        let valueAxis = chart_axis_get(native, chart.kind == .bar ? LXW_CHART_AXIS_TYPE_X : LXW_CHART_AXIS_TYPE_Y)
        let categoryAxis = chart_axis_get(native, chart.kind == .bar ? LXW_CHART_AXIS_TYPE_Y : LXW_CHART_AXIS_TYPE_X)
        if let valueAxis {
            if let name = chart.valueAxis { chart_axis_set_name(valueAxis, CellText.clean(name)) }
            if let format = chart.valueFormat { chart_axis_set_num_format(valueAxis, format) }
            if let bounds = chart.valueBounds {
                chart_axis_set_min(valueAxis, bounds.lowerBound)
                chart_axis_set_max(valueAxis, bounds.upperBound)
            }
        }
        if let categoryAxis, let name = chart.categoryAxis { chart_axis_set_name(categoryAxis, CellText.clean(name)) }
        if chart.kind == .bar, let categoryAxis {
            // First category on top, and the value axis kept at the bottom.
            chart_axis_set_reverse(categoryAxis)
            chart_axis_set_crossing_max(categoryAxis)
        }
        if !chart.legend { chart_legend_set_position(native, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }
        return native
    }

    private static func apply(_ series: ChartSeries, to native: UnsafeMutablePointer<lxw_chart_series>) {
        let categories = series.categories
        chart_series_set_categories(
            native, categories.sheet, lxw_row_t(categories.firstRow), lxw_col_t(categories.firstCol),
            lxw_row_t(categories.lastRow), lxw_col_t(categories.lastCol))
        let values = series.values
        chart_series_set_values(
            native, values.sheet, lxw_row_t(values.firstRow), lxw_col_t(values.firstCol), lxw_row_t(values.lastRow),
            lxw_col_t(values.lastCol))
        if let name = series.name { chart_series_set_name(native, CellText.clean(name)) }
        if let color = series.color {
            var fill = lxw_chart_fill(color: color, none: 0, transparency: 0)
            chart_series_set_fill(native, &fill)
        }
        if !series.pointColors.isEmpty { setPoints(series.pointColors, of: native) }
    }

    /// One point per colour (a `nil` colour keeps the series' fill), as the NULL-terminated array the library wants.
    private static func setPoints(_ colors: [UInt32?], of native: UnsafeMutablePointer<lxw_chart_series>) {
        let fills = UnsafeMutablePointer<lxw_chart_fill>.allocate(capacity: colors.count)
        let points = UnsafeMutablePointer<lxw_chart_point>.allocate(capacity: colors.count)
        let list = UnsafeMutablePointer<UnsafeMutablePointer<lxw_chart_point>?>.allocate(capacity: colors.count + 1)
        defer {
            fills.deallocate()
            points.deallocate()
            list.deallocate()
        }
        for (index, color) in colors.enumerated() {
            (fills + index).initialize(to: lxw_chart_fill(color: color ?? 0, none: 0, transparency: 0))
            (points + index).initialize(to: lxw_chart_point(line: nil, fill: color == nil ? nil : fills + index, pattern: nil))
            list[index] = points + index
        }
        list[colors.count] = nil
        _ = chart_series_set_points(native, list)
    }
}
