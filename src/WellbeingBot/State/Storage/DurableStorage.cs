using Microsoft.Data.Sqlite;
using Npgsql;

namespace WellbeingBot.State.Storage;

/// <summary>The two engines of durable state: a SQLite file by default, PostgreSQL for several instances sharing one database.</summary>
public static class DurableStorage
{
    public const string SqliteFileName = "wellbeingbot.db";

    // Enough for every turn in flight on a small machine to read at once; a read beyond them opens a connection of its own.
    private const int KeptReads = 16;

    public static SqlStorage PostgreSql(string connectionString, TimeProvider time)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        return new SqlStorage(() => dataSource.CreateConnection(), time, dataSource, isPostgreSql: true);
    }

    /// <summary>The SQLite file, created readable and writable by the service account only.</summary>
    public static SqlStorage Sqlite(string dataFolder, string contentRoot, TimeProvider time)
    {
        var folder = Path.GetFullPath(dataFolder, contentRoot);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, SqliteFileName);
        if (!File.Exists(file))
        {
            using (File.Create(file))
            {
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = 10 }.ToString();

        // Write-ahead logging lets turns read while the reminder dispatcher writes; the setting stays with the file.
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
            command.ExecuteNonQuery();
        }

        return new SqlStorage(() => new SqliteConnection(connectionString), time, keptReads: KeptReads);
    }
}
