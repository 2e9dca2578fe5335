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
        (await MarkSendingAsync(owner, [(user, day)], cancellationToken)).Count == 1;

    /// <summary>Marks a batch in one transaction; returns the people whose local day was not yet sent, who may now be sent to.</summary>
    public async Task<IReadOnlySet<UserKey>> MarkSendingAsync(string owner, IReadOnlyList<(UserKey User, DateOnly Day)> batch, CancellationToken cancellationToken)
    {
        var marked = new HashSet<UserKey>();
        await InTransactionAsync(async (connection, transaction) =>
        {
            foreach (var (user, day) in batch)
            {
                await using var command = Command(connection,
                    "UPDATE reminders SET last_sent_day = @day WHERE user_key = @u AND lease_owner = @owner AND (last_sent_day IS NULL OR last_sent_day <> @day)",
                    ("@u", user.Value), ("@owner", owner), ("@day", Day(day)));
                command.Transaction = transaction;
                if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    marked.Add(user);
                }
            }
        }, cancellationToken);
        return marked;
    }

    /// <summary>Records what happened to a batch of claims in one transaction, releasing their leases.</summary>
    public Task FinishAsync(string owner, IReadOnlyList<ClaimOutcome> outcomes, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            foreach (var outcome in outcomes)
            {
                await using var command = outcome switch
                {
                    // Sent, skipped or already sent today: on to the next due instant.
                    { Disabled: { } reason } => Command(connection,
                        "UPDATE reminders SET disabled = @r, due_at = NULL, lease_owner = NULL, lease_until = NULL WHERE user_key = @u AND lease_owner = @owner",
                        ("@u", outcome.User.Value), ("@owner", owner), ("@r", reason)),
                    { Retry: true } => Command(connection,
                        "UPDATE reminders SET last_sent_day = @day, lease_owner = NULL, lease_until = NULL WHERE user_key = @u AND lease_owner = @owner",
                        ("@u", outcome.User.Value), ("@owner", owner), ("@day", outcome.PreviousDay is { } d ? Day(d) : null)),
                    _ => Command(connection,
                        "UPDATE reminders SET due_at = @d, lease_owner = NULL, lease_until = NULL WHERE user_key = @u AND lease_owner = @owner",
                        ("@u", outcome.User.Value), ("@owner", owner), ("@d", Text(outcome.NextDue))),
                };
                command.Transaction = transaction;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }, cancellationToken);

    public static string? Text(DateTimeOffset? instant) => instant?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static StoredReminder Read(DbDataReader reader) => new(
        reader.GetString(0),
        JsonSerializer.Deserialize(reader.GetString(1), ReminderJson.Default.ReminderSchedule)!,
        reader.GetString(2),
        reader.IsDBNull(3) ? null : DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
        reader.IsDBNull(4) ? null : DateOnly.ParseExact(reader.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        reader.IsDBNull(5) ? null : reader.GetString(5));

    private async Task InTransactionAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken)
    {
        await using var connection = await storage.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
    }

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

/// <summary>What became of one claimed reminder: its next due instant, a retry (the day unmarked), or disabled.</summary>
public sealed record ClaimOutcome(UserKey User, DateTimeOffset? NextDue = null, bool Retry = false, DateOnly? PreviousDay = null, string? Disabled = null);

[JsonSerializable(typeof(ReminderSchedule))]
internal sealed partial class ReminderJson : JsonSerializerContext;
