import CBLAS
import Foundation

/// Which OpenBLAS the benchmark runs on: the kernel it chose for this processor and how it was built.
public enum OpenBLASInfo {
    /// The kernel OpenBLAS chose (`openblas_get_corename`), e.g. "Cooperlake"; `OPENBLAS_CORETYPE` forces one.
    public static var coreName: String { openblas_get_corename().map { String(cString: $0) } ?? "unknown" }

    /// OpenBLAS's build configuration (`openblas_get_config`), e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY …".
    public static var config: String { openblas_get_config().map { String(cString: $0) } ?? "unknown" }

    /// The environment variables that change OpenBLAS's choice of kernel, with their values, as set in this process.
    public static var overrides: [String: String] {
        ProcessInfo.processInfo.environment.filter { ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"].contains($0.key) }
    }

    /// One line for a report: the kernel, the build and the overriding variables (or that none is set).
    public static var summary: String {
        let variables = overrides.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return "kernel \(coreName); \(config.trimmingCharacters(in: .whitespaces)); "
            + (variables.isEmpty
                ? "OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (OpenBLAS chose its kernel, as on a user's machine)"
                : variables.joined(separator: " ") + " set: the kernel is forced")
    }
}
