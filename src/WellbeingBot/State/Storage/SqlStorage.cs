using System.Data.Common;
using System.Globalization;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace WellbeingBot.State.Storage;

/// <summary>Two writers raced on one item: the one holding the older ETag loses and must read again before writing.</summary>
public sealed class StorageConflictException(string key) : Exception($"The item '{key}' was changed by someone else; read it again and retry.")
{
    public string Key { get; } = key;
}

/// <summary>
/// Bot Framework's <see cref="IStorage"/> over one SQL table, on SQLite or PostgreSQL alike, with real optimistic concurrency:
/// every write gives the item a new ETag, a write carrying an older one fails with <see cref="StorageConflictException"/>
/// instead of silently overwriting, and "*" (or no ETag) writes unconditionally, as the storage contract says.
/// <see cref="CreateOnly"/> writes only if the item does not exist yet, so two first writes cannot overwrite each other.
/// The schema is created or migrated on first use (and at start, by <see cref="StorageMaintenance"/>).
/// </summary>
/// <param name="owned">What the connections come from (a PostgreSQL data source), released with the storage.</param>
/// <param name="keptReads">How many connections to keep open with a one-item read prepared (see <see cref="PreparedReads"/>); none by default.</param>
public sealed class SqlStorage(Func<DbConnection> connect, TimeProvider time, IDisposable? owned = null, bool isPostgreSql = false, int keptReads = 0)
    : IStorage, IDisposable
{
    /// <summary>PostgreSQL can skip rows another instance has locked; SQLite has one writer at a time anyway.</summary>
    public bool IsPostgreSql { get; } = isPostgreSql;

    /// <summary>The ETag of an item that must not exist yet; the write fails with a conflict if it does.</summary>
    public const string CreateOnly = "create-only";

    private const string ETagKey = "eTag";

    private readonly SemaphoreSlim schemaGate = new(1, 1);
    private PreparedReads? preparedReads;
    private volatile bool schemaReady;

    // Values keep their .NET type, as MemoryStorage does; only types of this app, the Bot Framework and the base library load.
    private static readonly JsonSerializerSettings Json = new()
    {
        TypeNameHandling = TypeNameHandling.All,
        SerializationBinder = new KnownTypesBinder(),
        NullValueHandling = NullValueHandling.Include,
        MaxDepth = 64,
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Json);

    /// <summary>Creates or migrates the schema; safe to run at every start, from several instances at once.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
    }

    public void Dispose()
    {
        preparedReads?.Dispose();
        schemaGate.Dispose();
        owned?.Dispose();
    }

    /// <summary>The schema version the database is at.</summary>
    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SqlSchema.CurrentAsync(connection, cancellationToken);
    }

    /// <summary>Every item whose key starts with <paramref name="prefix"/>, with when it was last written.</summary>
    public async Task<IReadOnlyList<(string Key, DateTimeOffset UpdatedAt)>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, updated_at FROM bot_state WHERE substr(key, 1, @length) = @prefix";
        Parameter(command, "@length", prefix.Length);
        Parameter(command, "@prefix", prefix);
        var items = new List<(string, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add((reader.GetString(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture)));
        }

        return items;
    }

    /// <summary>Deletes every item whose key starts with <paramref name="prefix"/>; returns how many there were.</summary>
    public async Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM bot_state WHERE substr(key, 1, @length) = @prefix";
        Parameter(command, "@length", prefix.Length);
        Parameter(command, "@prefix", prefix);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, object>(StringComparer.Ordinal);
        if (keys.Length == 0)
        {
            return found;
        }

        if (keys.Length == 1 && keptReads > 0)
        {
            // Racing first reads may build two; the loser has opened nothing yet.
            var reads = LazyInitializer.EnsureInitialized(ref preparedReads, () => new PreparedReads(OpenAsync, keptReads));
            if (await reads.ReadAsync(keys[0], cancellationToken) is var (etag, json))
            {
                found[keys[0]] = Deserialize(json, etag);
            }

            return found;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var names = keys.Select((k, i) => Parameter(command, $"@k{i}", k)).ToArray();
        command.CommandText = $"SELECT key, etag, value FROM bot_state WHERE key IN ({string.Join(", ", names)})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(0)] = Deserialize(reader.GetString(2), reader.GetString(1));
        }

        return found;
    }

    private static object Deserialize(string json, string etag)
    {
        var value = JsonConvert.DeserializeObject(json, Json)!;
        SetETag(value, etag);
        return value;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = new List<(object Value, string ETag)>();
        foreach (var (key, value) in changes)
        {
            var expected = ETagOf(value);
            var etag = Guid.NewGuid().ToString("N");
            var json = Serialize(value);
            var now = Now();
            int rows;
            if (expected == CreateOnly)
            {
                rows = await ExecuteAsync(connection, transaction,
                    "INSERT INTO bot_state (key, etag, value, updated_at) VALUES (@key, @etag, @value, @now) ON CONFLICT (key) DO NOTHING",
                    [("@key", key), ("@etag", etag), ("@value", json), ("@now", now)], cancellationToken);
            }
            else if (expected is null or "*")
            {
                rows = await ExecuteAsync(connection, transaction,
                    "INSERT INTO bot_state (key, etag, value, updated_at) VALUES (@key, @etag, @value, @now) "
                    + "ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at",
                    [("@key", key), ("@etag", etag), ("@value", json), ("@now", now)], cancellationToken);
            }
            else
            {
                rows = await ExecuteAsync(connection, transaction,
                    "UPDATE bot_state SET etag = @etag, value = @value, updated_at = @now WHERE key = @key AND etag = @expected",
                    [("@key", key), ("@etag", etag), ("@value", json), ("@now", now), ("@expected", expected)], cancellationToken);
            }

            if (rows == 0)
            {
                throw new StorageConflictException(key);
            }

            written.Add((value, etag));
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var (value, etag) in written)
        {
            SetETag(value, etag);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var key in keys)
        {
            await ExecuteAsync(connection, null, "DELETE FROM bot_state WHERE key = @key", [("@key", key)], cancellationToken);
        }
    }

    /// <summary>An open connection on the migrated schema, for stores with tables of their own (reminders).</summary>
    public Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = connect();
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!schemaReady)
            {
                await MigrateOnceAsync(connection, cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task MigrateOnceAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (!schemaReady)
            {
                await SqlSchema.MigrateAsync(connection, Now(), cancellationToken);
                schemaReady = true;
            }
        }
        finally
        {
            schemaGate.Release();
        }
    }

    // Sortable text, the same on both engines: every instant is written in UTC.
    private string Now() => time.GetUtcNow().ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static async Task<int> ExecuteAsync(
        DbConnection connection, DbTransaction? transaction, string sql, (string Name, string Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Parameter(command, name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return name;
    }

    // Bot state arrives as a dictionary carrying "eTag"; our own items implement IStoreItem.
    private static string? ETagOf(object value) => value switch
    {
        IStoreItem item => item.ETag,
        IDictionary<string, object> dictionary => dictionary.TryGetValue(ETagKey, out var e) ? e as string : null,
        JObject json => (string?)json[ETagKey],
        _ => null,
    };

    private static void SetETag(object value, string etag)
    {
        switch (value)
        {
            case IStoreItem item:
                item.ETag = etag;
                break;
            case IDictionary<string, object> dictionary:
                dictionary[ETagKey] = etag;
                break;
            case JObject json:
                json[ETagKey] = etag;
                break;
        }
    }

    private static string Serialize(object value)
    {
        var token = JToken.FromObject(value, Serializer);
        if (token is JObject json)
        {
            json.Remove(ETagKey);
            json.Remove("ETag");
        }

        return token.ToString(Formatting.None);
    }

    private sealed class KnownTypesBinder : DefaultSerializationBinder
    {
        private static readonly string[] Allowed = ["WellbeingBot", "Microsoft.Bot", "System.Private.CoreLib", "System.Collections", "Newtonsoft.Json", "mscorlib"];

        public override Type BindToType(string? assemblyName, string typeName) =>
            assemblyName is null || Allowed.Any(a => assemblyName.StartsWith(a, StringComparison.Ordinal))
                ? base.BindToType(assemblyName, typeName)
                : throw new JsonSerializationException($"Stored type from '{assemblyName}' is not allowed");
    }
}
