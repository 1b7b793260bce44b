import Dispatch

/// Timing for the benchmarks and the encoder's cost measurements.
public enum Stopwatch {
    /// The seconds one run of `step` takes.
    public static func seconds(_ step: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        step()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Runs `step` once to warm up, then again and again until at least `seconds` have passed; returns the units
    /// the timed steps reported (texts, products) and the seconds they took.
    public static func repeating(for seconds: Double, _ step: () -> Int) -> (units: Int, seconds: Double) {
        _ = step()
        var units = 0
        let start = DispatchTime.now().uptimeNanoseconds
        var elapsed = 0.0
        repeat {
            units += step()
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        } while elapsed < seconds
        return (units, elapsed)
    }
}
