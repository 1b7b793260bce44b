import Foundation
import LabCore
import LabYAML

/// Reads a range given as `data`: `{min, max, step}`, `{min, max}` (int, step 1) or `{min, max, linspace: n}`
/// (float).
///
/// **`max` is always included**: the values are min, min+step, ... while below max, and then max itself (so
/// `{min: 1, max: 6, step: 2}` gives 1, 3, 5, 6, as in the SENSEI tool). Without a step an int range steps by 1 and
/// still includes max (SENSEI left it out; ChatLab says so in a warning). `linspace: n` gives n evenly spaced values
/// from min to max, both included.
enum RangeReader {
    static func read(_ value: YAMLValue, type: VariableType, warnings: inout [String]) throws -> [VariableValue] {
        let map = try value.mapping("a range", allowed: ["min", "max", "step", "linspace", "file", "function_name", "args", "date"])
        if map["file"] != nil || map["function_name"] != nil {
            throw value.badValue("names a Python list function, which ChatLab does not run (it would execute code from the profile)",
                fix: "Write the values as a list, or as a range {min, max, step}.")
        }
        if map["date"] != nil {
            throw value.badValue("asks for generated dates, which ChatLab does not make", fix: "Write the dates as a list of strings.")
        }
        guard type != .string else {
            throw value.badValue("is a range of a string variable", fix: "Use 'type: int' or 'type: float', or write a list.")
        }
        let minValue = try map.required("min"), maxValue = try map.required("max")
        if type == .int {
            guard map["linspace"] == nil else {
                throw try map.required("linspace").badValue("spaces whole numbers", fix: "Use 'step' for int ranges, or 'type: float'.")
            }
            let low = try minValue.int(), high = try maxValue.int()
            guard low <= high else { throw maxValue.badValue("is below min (\(low))", fix: "Give max ≥ min.") }
            let step: Int
            if let stepValue = map["step"] {
                step = try stepValue.int(in: 1...Int.max)
            } else {
                step = 1
                warnings.append("\(value.location): warning: a range without a step steps by 1 and includes max (\(high)); "
                    + "the SENSEI tool left max out")
            }
            guard (high - low) / step < VariableReader.maxValues else {
                throw value.badValue("has more than \(VariableReader.maxValues) values", fix: "Use a larger step or a smaller range.")
            }
            var values = Array(stride(from: low, to: high, by: step))
            values.append(high)
            return values.map(VariableValue.int)
        }
        let low = try minValue.double(), high = try maxValue.double()
        guard low <= high else { throw maxValue.badValue("is below min (\(low))", fix: "Give max ≥ min.") }
        if let countValue = map["linspace"] {
            guard map["step"] == nil else {
                throw countValue.badValue("is given with a step", fix: "Give either 'step' or 'linspace'.")
            }
            let count = try countValue.int(in: 1...VariableReader.maxValues)
            if count == 1 { return [.float(low)] }
            return (0..<count).map { .float(low + (high - low) * Double($0) / Double(count - 1)) }
        }
        guard let stepValue = map["step"] else {
            throw value.badValue("is a float range without a step", fix: "Add 'step: 0.5' or 'linspace: 5'.")
        }
        let step = try stepValue.double()
        guard step > 0 else { throw stepValue.badValue("is not positive", fix: "Use a step above 0.") }
        guard (high - low) / step < Double(VariableReader.maxValues) else {
            throw value.badValue("has more than \(VariableReader.maxValues) values", fix: "Use a larger step or a smaller range.")
        }
        var values: [Double] = []
        var index = 0
        while true {
            let next = low + Double(index) * step
            guard next < high - step * 1e-9 else { break }
            values.append((next * 1e9).rounded() / 1e9)
            index += 1
        }
        values.append(high)
        return values.map(VariableValue.float)
    }
}
