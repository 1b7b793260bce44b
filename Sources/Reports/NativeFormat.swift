import CXLSXWriter

/// Translates a ``CellStyle`` into libxlsxwriter format calls.
enum NativeFormat {
    static func apply(_ style: CellStyle, to format: UnsafeMutablePointer<lxw_format>) {
        if style.bold { format_set_bold(format) }
        if style.italic { format_set_italic(format) }
        if style.wrap { format_set_text_wrap(format) }
        if let fill = style.fill {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, fill)
        }
        if let color = style.fontColor { format_set_font_color(format, color) }
        if let numberFormat = style.numberFormat { format_set_num_format(format, numberFormat) }
        if style.border != .none { format_set_border(format, border(style.border)) }
        if style.topBorder != .none { format_set_top(format, border(style.topBorder)) }
        switch style.horizontal {
        case .general: break
        case .left: format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
        }
        switch style.vertical {
        case .bottom: break
        case .top: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        case .center: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        }
    }

    private static func border(_ border: CellStyle.Border) -> UInt8 {
        switch border {
        case .none: return UInt8(LXW_BORDER_NONE.rawValue)
        case .thin: return UInt8(LXW_BORDER_THIN.rawValue)
        case .medium: return UInt8(LXW_BORDER_MEDIUM.rawValue)
        case .thick: return UInt8(LXW_BORDER_THICK.rawValue)
        }
    }
}
