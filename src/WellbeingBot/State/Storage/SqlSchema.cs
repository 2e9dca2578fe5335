using System.Data.Common;
using System.Globalization;

namespace WellbeingBot.State.Storage;

/// <summary>
/// The database schema as an ordered list of migrations. Each runs once, in its own transaction, and is recorded in
/// <c>schema_version</c>; every statement is idempotent, so instances starting together against one database do no harm.
/// A new migration is appended, never edited.
/// </summary>
internal static class SqlSchema
{
    private static readonly string[][] Migrations =
    [
        ["CREATE TABLE IF NOT EXISTS bot_state (key TEXT PRIMARY KEY, etag TEXT NOT NULL, value TEXT NOT NULL, updated_at TEXT NOT NULL)"],

        // The retention purge looks for items nobody has touched for months.
        ["CREATE INDEX IF NOT EXISTS bot_state_updated_at ON bot_state (updated_at)"],

        // Daily reminders: one row per person, found by the instant they are next due, claimed with a lease.
        [
            "CREATE TABLE IF NOT EXISTS reminders (user_key TEXT PRIMARY KEY, schedule TEXT NOT NULL, address TEXT NOT NULL, "
            + "due_at TEXT NULL, lease_owner TEXT NULL, lease_until TEXT NULL, last_sent_day TEXT NULL, disabled TEXT NULL, updated_at TEXT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS reminders_due_at ON reminders (due_at)",
        ],
    ];

    public static int Latest => Migrations.Length;

    public static async Task MigrateAsync(DbConnection connection, string now, CancellationToken cancellationToken)
    {
        await RunAsync(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)", cancellationToken);
        var current = await CurrentAsync(connection, cancellationToken);
        for (var version = current + 1; version <= Migrations.Length; version++)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var statement in Migrations[version - 1])
            {
                await RunAsync(connection, transaction, statement, cancellationToken);
            }

            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES (@version, @now) ON CONFLICT (version) DO NOTHING";
                AddParameter(record, "@version", version);
                AddParameter(record, "@now", now);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    public static async Task<int> CurrentAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task RunAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
