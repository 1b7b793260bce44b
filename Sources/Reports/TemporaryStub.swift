import LabCore
public enum RunWorkbook { public static func write(_ analysis: Analysis, to path: String) throws {} }
public enum SummaryWorkbook { public static func write(_ analysis: Analysis, totalStatistics: [SeriesKey: [Statistic]], to path: String) throws {} }
