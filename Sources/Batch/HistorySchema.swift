import GRDB

/// The history database's schema, one migration per version; a database made by an older ChatLab is brought up to
/// date when it is opened, and GRDB records which migrations ran in `grdb_migrations`.
enum HistorySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: batches, answers, schedules") { db in
            try db.create(table: "batches") { t in
                t.primaryKey("id", .text)
                t.column("matrix", .text).notNull().indexed()
                // The schedule slot the batch ran for; NULL for a batch run by hand.
                t.column("slot", .integer)
                t.column("planned", .integer).notNull()
                t.column("started_at", .double).notNull()
                t.column("finished_at", .double)
                // running, complete, budget (stopped by the budget), skipped (a missed slot that was not run).
                t.column("status", .text).notNull()
            }
            try db.create(table: "answers") { t in
                t.column("batch", .text).notNull().references("batches", onDelete: .cascade)
                t.column("provider", .text).notNull()
                t.column("model", .text).notNull()
                t.column("question", .text).notNull()
                t.column("industry", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("started_at", .double).notNull().indexed()
                t.column("latency", .double)
                t.column("ttft", .double)
                t.column("tokens_per_second", .double)
                t.column("success", .boolean).notNull()
                t.column("error_class", .text)
                t.column("error_message", .text)
                t.column("retries", .integer).notNull()
                t.column("prompt_tokens", .integer)
                t.column("completion_tokens", .integer)
                t.column("cost", .double)
                t.column("keyword_coverage", .double)
                t.column("meaning_coverage", .double)
                t.column("verdict", .text)
                t.column("answer", .text).notNull()
                t.uniqueKey(["batch", "provider", "model", "question"])
            }
            try db.create(table: "schedules") { t in
                t.primaryKey("matrix", .text)
                t.column("started_at", .double).notNull()
                t.column("every", .double).notNull()
                t.column("count", .integer).notNull()
                t.column("missed", .text).notNull()
            }
        }
        migrator.registerMigration("v2: the shard a batch row comes from") { db in
            try db.alter(table: "batches") { t in
                // "K/N" for the part of a batch one machine ran (`chatlab batch --shard K/N`); NULL for a whole batch.
                t.add(column: "shard", .text)
            }
        }
        return migrator
    }
}
