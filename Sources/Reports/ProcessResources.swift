import CXLSXWriter
import Glibc

/// What a constant-memory workbook needs from the process: one open file per sheet, and freed memory handed back.
///
/// The library never changes process-wide settings by itself: a program that writes large workbooks calls
/// ``prepareForLargeWorkbooks()`` once at start (the `chatlab` command does).
///
/// libxlsxwriter keeps each sheet's rows in a temporary file until the workbook is closed, so a report with a sheet
/// per run holds a file open per run: more than the usual soft limit of 1,024 for a large experiment. It also frees
/// every row's cells as the next row starts, and glibc keeps those freed pages resident unless asked to return them.
public enum ProcessResources {
    /// Raises the open-file limit and fixes glibc's mmap threshold (see below). Idempotent.
    public static func prepareForLargeWorkbooks() {
        raiseOpenFileLimit()
        fixMmapThreshold()
    }

    /// Raises the soft limit on open files to the hard limit, once per process (as Go's runtime does at start).
    static func raiseOpenFileLimit() { openFileLimitRaised }

    private static let openFileLimitRaised: Void = {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }()

    /// Returns memory freed since the last call (a finished sheet's rows) to the system, so the resident size stays
    /// flat however many sheets are written. Costs well under a millisecond.
    static func releaseFreedMemory() {
        _ = malloc_trim(0)
    }

    /// Keeps glibc from raising its mmap threshold, once per process.
    ///
    /// By default, freeing a large block (a long run's turns) raises the size from which glibc gives blocks their own
    /// mapping, and with it the free memory it keeps instead of returning: a run of 1,000 rounds then left about
    /// 10 MB more resident than one of 100. Fixed at glibc's own default (128 KB), large blocks always go back to the
    /// system when freed, and the peak stays flat as runs grow longer.
    static func fixMmapThreshold() { mmapThresholdFixed }

    private static let mmapThresholdFixed: Void = {
        _ = mallopt(M_MMAP_THRESHOLD, 128 * 1024)
    }()
}
