/// Writes the machine's own scheduler entries for a matrix: a systemd service and timer, or a crontab line. Each
/// firing runs `chatlab schedule MATRIX --db DB --once`, which runs the slots that are due by the schedule kept in
/// the database and does nothing once the schedule has ended.
public struct ScheduleEmitter: Sendable {
    /// Absolute paths: the chatlab binary, the matrix file, the database, the working directory.
    public var binary: String
    public var matrixPath: String
    public var databasePath: String
    public var directory: String
    public var matrixName: String
    public var settings: ScheduleSettings

    public init(binary: String, matrixPath: String, databasePath: String, directory: String, matrixName: String,
                settings: ScheduleSettings) {
        self.binary = binary
        self.matrixPath = matrixPath
        self.databasePath = databasePath
        self.directory = directory
        self.matrixName = matrixName
        self.settings = settings
    }

    /// `chatlab-batch-<matrix>`, with characters systemd does not take in a unit name replaced.
    public var unitName: String {
        let safe = matrixName.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? String($0) : "-" }.joined()
        return "chatlab-batch-\(safe)"
    }

    var command: String {
        [binary, "schedule", matrixPath, "--db", databasePath, "--once"].map(Self.quoted).joined(separator: " ")
    }

    /// The `.service` (one shot) and `.timer` (every interval from activation) files' names and texts.
    public func systemd() -> [(name: String, text: String)] {
        let seconds = Int(settings.every.rounded())
        let service = """
            [Unit]
            Description=ChatLab batch evaluation \(matrixName) (runs the due slots of its schedule)

            [Service]
            Type=oneshot
            WorkingDirectory=\(directory)
            ExecStart=\(command)

            """
        let timer = """
            [Unit]
            Description=ChatLab batch evaluation \(matrixName): a slot every \(DurationText.format(settings.every)), \(settings.count) slots

            [Timer]
            OnActiveSec=0
            OnUnitActiveSec=\(seconds)s
            AccuracySec=1s
            Unit=\(unitName).service

            [Install]
            WantedBy=timers.target

            """
        return [("\(unitName).service", service), ("\(unitName).timer", timer)]
    }

    /// A crontab line; cron can only fire every N minutes dividing an hour, or every N hours dividing a day.
    /// - Throws: ``BatchError/cannotEmit(reason:fix:)`` for other intervals.
    public func cron() throws -> String {
        let seconds = Int(settings.every.rounded())
        let minutes = seconds / 60
        let field: String
        if seconds % 60 == 0, minutes >= 1, minutes < 60, 60 % minutes == 0 {
            field = minutes == 1 ? "* * * * *" : "*/\(minutes) * * * *"
        } else if seconds % 3600 == 0, 24 % (seconds / 3600) == 0 {
            let hours = seconds / 3600
            field = hours == 24 ? "0 0 * * *" : hours == 1 ? "0 * * * *" : "0 */\(hours) * * *"
        } else {
            throw BatchError.cannotEmit(
                reason: "cron cannot fire every \(DurationText.format(settings.every))",
                fix: "Use --emit systemd, or an interval of whole minutes dividing an hour (15m) or whole hours dividing a day (6h).")
        }
        return "\(field) cd \(Self.quoted(directory)) && \(command) >> \(Self.quoted(databasePath + ".cron.log")) 2>&1"
    }

    /// A word for a shell (and for systemd's ExecStart, which takes the same quoting for simple words).
    static func quoted(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "/._-+=:@,".contains($0) }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
