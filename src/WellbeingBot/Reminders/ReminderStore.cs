using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using WellbeingBot.State;
using WellbeingBot.State.Storage;

namespace WellbeingBot.Reminders;

/// <summary>
/// The reminders table. The dispatcher claims due rows with a lease (PostgreSQL skips rows another instance holds), marks
/// the local day before it sends, so a reminder goes out at most once per person per local day even if an instance dies
/// between sending and recording, and records the next due instant afterwards. Instants are stored as sortable UTC text.
/// </summary>
public sealed class ReminderStore(SqlStorage storage) : IPersonalDataStore
{
    private const string Columns = "user_key, schedule, address, due_at, last_sent_day, disabled";

    public async Task SaveAsync(UserKey user, ReminderSchedule schedule, string address, DateTimeOffset? dueAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "INSERT INTO reminders (user_key, schedule, address, due_at, updated_at) VALUES (@u, @s, @a, @d, @now) "
            + "ON CONFLICT (user_key) DO UPDATE SET schedule = excluded.schedule, address = excluded.address, due_at = excluded.due_at, "
            + "disabled = NULL, lease_owner = NULL, lease_until = NULL, updated_at = excluded.updated_at",
            cancellationToken, ("@u", user.Value), ("@s", JsonSerializer.Serialize(schedule, ReminderJson.Default.ReminderSchedule)),
            ("@a", address), ("@d", Text(dueAt)), ("@now", Text(now)));

    public async Task<StoredReminder?> GetAsync(UserKey user, CancellationToken cancellationToken)
    {
        await using var connection = await storage.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {Columns} FROM reminders WHERE user_key = @u", ("@u", user.Value));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public Task EraseAsync(UserKey user, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM reminders WHERE user_key = @u", cancellationToken, ("@u", user.Value));

    /// <summary>Keeps the delivery address current: channels may move a conversation to another service address.</summary>
    public Task UpdateAddressAsync(UserKey user, string address, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE reminders SET address = @a WHERE user_key = @u AND address <> @a", cancellationToken, ("@u", user.Value), ("@a", address));

    /// <summary>Snooze: due again soon, and allowed to go out again today.</summary>
    public Task SnoozeAsync(UserKey user, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE reminders SET due_at = @d, last_sent_day = NULL WHERE user_key = @u AND disabled IS NULL",
            cancellationToken, ("@u", user.Value), ("@d", Text(dueAt)));

    /// <summary>Claims up to <paramref name="count"/> due reminders nobody holds (or whose holder's lease ran out).</summary>
    public async Task<IReadOnlyList<StoredReminder>> ClaimAsync(string owner, DateTimeOffset now, TimeSpan lease, int count, CancellationToken cancellationToken)
    {
        var skipLocked = storage.IsPostgreSql ? " FOR UPDATE SKIP LOCKED" : "";
        await using var connection = await storage.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection,
            "UPDATE reminders SET lease_owner = @owner, lease_until = @until WHERE user_key IN ("
            + "SELECT user_key FROM reminders WHERE due_at <= @now AND disabled IS NULL AND (lease_until IS NULL OR lease_until < @now) "
            + $"ORDER BY due_at LIMIT @count{skipLocked}) RETURNING {Columns}",
            ("@owner", owner), ("@until", Text(now + lease)), ("@now", Text(now)), ("@count", count));
        var claimed = new List<StoredReminder>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(Read(reader));
        }

        return claimed;
    }

    /// <summary>The idempotency key: true if this claim may send for <paramref name="day"/>, false if that day was already sent.</summary>
    public async Task<bool> MarkSendingAsync(UserKey user, string owner, DateOnly day, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE reminders SET last_sent_day = @day WHERE user_key = @u AND lease_owner = @owner AND (last_sent_day IS NULL OR last_sent_day <> @day)",
            cancellationToken, ("@u", user.Value), ("@owner", owner), ("@day", Day(day))) == 1;

    /// <summary>After a send (or a skip): next due instant, lease released.</summary>
    public Task CompleteAsync(UserKey user, string owner, DateTimeOffset? nextDue, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE reminders SET due_at = @d, lease_owner = NULL, lease_until = NULL WHERE user_key = @u AND lease_owner = @owner",
            cancellationToken, ("@u", user.Value), ("@owner", owner), ("@d", Text(nextDue)));

    /// <summary>A send that failed for now: the day is unmarked and the lease released, so the next round tries again.</summary>
    public Task ReleaseAsync(UserKey user, string owner, DateOnly? previousDay, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE reminders SET last_sent_day = @day, lease_owner = NULL, lease_until = NULL WHERE user_key = @u AND lease_owner = @owner",
            cancellationToken, ("@u", user.Value), ("@owner", owner), ("@day", previousDay is { } d ? Day(d) : null));

    /// <summary>The person removed the bot or the conversation is gone: no more sends until they set a reminder again.</summary>
    public Task DisableAsync(UserKey user, string owner, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE reminders SET disabled = @r, due_at = NULL, lease_owner = NULL, lease_until = NULL WHERE user_key = @u AND lease_owner = @owner",
            cancellationToken, ("@u", user.Value), ("@owner", owner), ("@r", reason));

    public static string? Text(DateTimeOffset? instant) => instant?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static StoredReminder Read(DbDataReader reader) => new(
        reader.GetString(0),
        JsonSerializer.Deserialize(reader.GetString(1), ReminderJson.Default.ReminderSchedule)!,
        reader.GetString(2),
        reader.IsDBNull(3) ? null : DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
        reader.IsDBNull(4) ? null : DateOnly.ParseExact(reader.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        reader.IsDBNull(5) ? null : reader.GetString(5));

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await storage.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}

[JsonSerializable(typeof(ReminderSchedule))]
internal sealed partial class ReminderJson : JsonSerializerContext;
