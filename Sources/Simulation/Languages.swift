/// The language names a profile may give (`user.language`, `change language: [...]`), as English names.
enum Languages {
    static let names = [
        "Afrikaans", "Albanian", "Amharic", "Arabic", "Armenian", "Azerbaijani", "Basque", "Belarusian", "Bengali",
        "Bosnian", "Bulgarian", "Catalan", "Chinese (Simplified)", "Chinese (Traditional)", "Croatian", "Czech",
        "Danish", "Dutch", "English", "Estonian", "Filipino", "Finnish", "French", "Galician", "Georgian", "German",
        "Greek", "Gujarati", "Hebrew", "Hindi", "Hungarian", "Icelandic", "Indonesian", "Irish", "Italian", "Japanese",
        "Kannada", "Kazakh", "Korean", "Latvian", "Lithuanian", "Macedonian", "Malay", "Malayalam", "Maltese",
        "Marathi", "Mongolian", "Nepali", "Norwegian", "Persian", "Polish", "Portuguese", "Punjabi", "Romanian",
        "Russian", "Serbian", "Slovak", "Slovenian", "Spanish", "Swahili", "Swedish", "Tamil", "Telugu", "Thai",
        "Turkish", "Ukrainian", "Urdu", "Vietnamese", "Welsh", "Zulu",
    ]

    /// The listed spelling of `name`, compared without regard to case (`italian` → `Italian`); `Chinese` alone is
    /// Simplified.
    static func canonical(_ name: String) -> String? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        if wanted == "chinese" { return "Chinese (Simplified)" }
        return names.first { $0.lowercased() == wanted }
    }
}
