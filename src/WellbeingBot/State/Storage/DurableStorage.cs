using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace WellbeingBot.State.Storage;

public static class DurableStorage
{
    public const string SqliteFileName = "wellbeingbot.db";

    /// <summary>Durable state behind Bot Framework's <see cref="IStorage"/>: PostgreSQL when configured, otherwise a local SQLite file.</summary>
    public static IServiceCollection AddDurableStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return options.UsesPostgreSql
                ? PostgreSql(options.PostgreSql, time)
                : Sqlite(options.DataFolder, sp.GetRequiredService<IHostEnvironment>().ContentRootPath, time);
        });
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<SqlStorage>());
        return services;
    }

    public static SqlStorage PostgreSql(string connectionString, TimeProvider time)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        return new SqlStorage(() => dataSource.CreateConnection(), time);
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
        return new SqlStorage(() => new SqliteConnection(connectionString), time);
    }
}
