import Foundation
import LabYAML
import Simulation
import TestSupport

/// Loads profile text written to a temporary folder (so personality files can sit beside it).
func loadProfile(_ text: String, files: [String: String] = [:]) throws -> LoadedProfile {
    let folder = try TemporaryDirectory()
    for (name, content) in files {
        let path = folder.path(name)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try content.write(toFile: path, atomically: true, encoding: .utf8)
    }
    let path = folder.path("profile.yaml")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return try ProfileLoader(workingDirectory: folder.path).load(path: path)
}

/// The error message a profile gets, or "" when it loads.
func profileError(_ text: String) -> String {
    do {
        _ = try loadProfile(text)
        return ""
    } catch {
        return "\(error)"
    }
}

/// A profile in the SENSEI schema with the given goals and conversation block (the rest fixed).
func profile(goals: String, conversation: String = "number: 3\n  goal_style: {steps: 2}\n  interaction_style: [default]",
             user: String = "", chatbot: String = "") -> String {
    """
    test_name: test
    user:
      role: a customer
    \(user)
      goals:
    \(goals)
    chatbot:
      fallback: Sorry?
      output: []
    \(chatbot)
    conversation:
      \(conversation)
    """
}
