import Foundation
import TestSupport
import Testing

// Issue #22, fuzzing as a habit: a bounded, seeded slice of scripts/fuzz_inputs.py against the built binary.

@Test func aSliceOfTheInputFuzzerFindsNoCrashOrHang() throws {
    let output = try ChildProcess.run(
        "/usr/bin/env",
        [
            "python3", ChatlabProcess.root + "/scripts/fuzz_inputs.py", "--count", "120", "--testsets", "30", "--profiles", "60",
            "--seed", "22", "--timeout", "60", "--binary", ChatlabProcess.binary, "--json",
        ])
    let line = output.stdout.split(separator: "\n").last.map(String.init) ?? ""
    let report = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(output.stdout)\(output.stderr)")
    let counts = try #require(report["counts"] as? [String: [String: Int]])
    for (kind, inputs) in [("config", 120), ("testset", 30), ("profile", 60)] {
        let row = try #require(counts[kind])
        #expect(row["inputs"] == inputs)
        for verdict in ["crash", "fatal", "hang", "leak"] {
            #expect(row[verdict] == 0, "\(kind) \(verdict): \(row[verdict] ?? -1); inputs kept in \(report["kept"] ?? "")")
        }
    }
}
