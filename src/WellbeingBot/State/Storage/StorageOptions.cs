using System.ComponentModel.DataAnnotations;

namespace WellbeingBot.State.Storage;

/// <summary>Where durable data lives and how long it is kept; validated on start.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder of the SQLite file (relative paths start at the content root). Unused when PostgreSQL is configured.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    /// <summary>An Npgsql connection string; when set, every instance shares this database instead of the SQLite file.</summary>
    public string? PostgreSql { get; set; }

    /// <summary>Everything about a person who has not talked to the bot for this long is deleted.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromDays(180);

    /// <summary>How often the retention purge runs, and how often a "forget me" that met an outage is retried.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A storage call slower than this counts as an outage: a turn never waits long on the database.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>After an outage, storage is not tried again for this long, so turns stay fast while it is down.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryAfterOutage { get; set; } = TimeSpan.FromSeconds(15);

    public bool UsesPostgreSql => !string.IsNullOrWhiteSpace(PostgreSql);
}
