using System.Collections.Concurrent;
using System.Data.Common;

namespace WellbeingBot.State.Storage;

/// <summary>
/// Open connections, each with the one-item read already prepared on it, for the read every turn makes (the user's profile).
/// SQLite compiles a statement for every new command; under load that compiling was most of the storage's CPU. Only for
/// SQLite: a file does not go away under an open connection, whereas a server's restart breaks every connection kept open.
/// </summary>
internal sealed class PreparedReads(Func<CancellationToken, Task<DbConnection>> open, int capacity) : IDisposable
{
    private const string Sql = "SELECT etag, value FROM bot_state WHERE key = @key";

    private readonly ConcurrentBag<Reader> _idle = [];
    private volatile bool _disposed;

    /// <summary>The item's ETag and stored JSON, or null when there is none.</summary>
    public async Task<(string ETag, string Value)?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var reader = _idle.TryTake(out var idle) ? idle : await CreateAsync(cancellationToken);
        var reusable = false;
        try
        {
            reader.Key.Value = key;
            (string, string)? found = null;
            await using (var rows = await reader.Command.ExecuteReaderAsync(cancellationToken))
            {
                if (await rows.ReadAsync(cancellationToken))
                {
                    found = (rows.GetString(0), rows.GetString(1));
                }
            }

            reusable = true;
            return found;
        }
        finally
        {
            // A read that failed or was cancelled may leave its connection in any state: it is closed, not kept.
            if (reusable && !_disposed && _idle.Count < capacity)
            {
                _idle.Add(reader);
                if (_disposed)
                {
                    Drain();
                }
            }
            else
            {
                reader.Dispose();
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        Drain();
    }

    private void Drain()
    {
        while (_idle.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    private async Task<Reader> CreateAsync(CancellationToken cancellationToken)
    {
        var connection = await open(cancellationToken);
        try
        {
            var command = connection.CreateCommand();
            command.CommandText = Sql;
            var key = command.CreateParameter();
            key.ParameterName = "@key";
            key.Value = "";
            command.Parameters.Add(key);
            await command.PrepareAsync(cancellationToken);
            return new Reader(connection, command, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed record Reader(DbConnection Connection, DbCommand Command, DbParameter Key) : IDisposable
    {
        public void Dispose()
        {
            Command.Dispose();
            Connection.Dispose();
        }
    }
}
