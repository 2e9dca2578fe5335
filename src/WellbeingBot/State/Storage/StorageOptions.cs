namespace WellbeingBot.State.Storage;

/// <summary>Where durable state lives: a SQLite file by default, or a PostgreSQL database that several instances share.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder of the SQLite file (wellbeingbot.db); relative paths start at the content root.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>A PostgreSQL connection string (Npgsql format); when set, it replaces SQLite. Add "SSL Mode=Require" for TLS.</summary>
    public string PostgreSql { get; set; } = "";

    public bool UsesPostgreSql => !string.IsNullOrWhiteSpace(PostgreSql);
}
