using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using WellbeingBot.State.Storage;

namespace WellbeingBot.State;

/// <summary>
/// Everything stored about one person lives under one key prefix, <c>user/{hashed id}/</c>: the profile today, and every later
/// per-person item (reminders, conversation references, progress) goes under it too. So "forget me" and the retention purge
/// each delete one prefix, plus the person's rows in every <see cref="IPersonalDataStore"/>, and cannot miss a store. Calls go through <see cref="StorageGate"/>: an outage throws
/// <see cref="StorageUnavailableException"/> quickly instead of holding up the turn.
/// </summary>
public sealed partial class UserDataStore(
    SqlStorage storage,
    StorageGate gate,
    IEnumerable<IPersonalDataStore> otherStores,
    TimeProvider time,
    IOptions<StorageOptions> options,
    ILogger<UserDataStore> logger)
{
    public const string UsersPrefix = "user/";

    // Every round of a race lets at least one writer through, so this many writers of one person always all land.
    private const int MaxAttempts = 10;

    // Activity is written at most daily: the purge counts days, and a write per message would be needless.
    private static readonly TimeSpan TouchEvery = TimeSpan.FromDays(1);

    // "Forget me" that met an outage: retried by StorageMaintenance, and honoured before anything new is written.
    private readonly ConcurrentDictionary<UserKey, byte> pendingErasures = new();

    public static string Prefix(UserKey user) => $"{UsersPrefix}{user.Value}/";

    public int PendingErasures => pendingErasures.Count;

    public async Task<UserProfile?> GetAsync(UserKey user, CancellationToken cancellationToken) =>
        pendingErasures.ContainsKey(user) ? null : (await gate.RunAsync(token => ReadAsync(user, token), cancellationToken)).Profile;

    /// <summary>
    /// Applies <paramref name="change"/> to the stored profile; when another turn changed it in between, reads again and
    /// reapplies, so racing turns never lose an update. A change returning null writes nothing.
    /// </summary>
    public Task<UserProfile?> UpdateAsync(UserKey user, Func<UserProfile?, UserProfile?> change, CancellationToken cancellationToken) =>
        gate.RunAsync(async token =>
        {
            if (pendingErasures.ContainsKey(user))
            {
                await EraseAsync(user, token);
            }

            for (var attempt = 1; ; attempt++)
            {
                var (current, etag) = await ReadAsync(user, token);
                if (change(current) is not { } next)
                {
                    return current;
                }

                var item = new StoredDocument { Json = JsonSerializer.Serialize(next, StateJson.Default.UserProfile), ETag = etag ?? SqlStorage.CreateOnly };
                try
                {
                    await storage.WriteAsync(new Dictionary<string, object> { [ProfileKey(user)] = item }, token);
                    return next;
                }
                catch (StorageConflictException) when (attempt < MaxAttempts)
                {
                    Log.Conflict(logger, user, attempt);
                }
            }
        }, cancellationToken);

    /// <summary>Notes that the person is active, at most once a day, so the retention clock restarts; never creates a profile.</summary>
    public async Task TouchAsync(UserKey user, UserProfile profile, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - profile.LastActive >= TouchEvery)
        {
            await UpdateAsync(user, current => current is null ? null : current with { LastActive = now }, cancellationToken);
        }
    }

    /// <summary>Deletes everything stored about the person. On an outage the deletion is queued and retried, and the caller is told.</summary>
    public async Task ForgetAsync(UserKey user, CancellationToken cancellationToken)
    {
        pendingErasures[user] = 0;
        await gate.RunAsync(token => EraseAsync(user, token), cancellationToken);
    }

    /// <summary>Retries the "forget me" requests that met an outage; returns how many are still waiting.</summary>
    public async Task<int> RetryErasuresAsync(CancellationToken cancellationToken)
    {
        foreach (var user in pendingErasures.Keys)
        {
            await gate.RunAsync(token => EraseAsync(user, token), cancellationToken);
        }

        return pendingErasures.Count;
    }

    /// <summary>Deletes everything about people inactive for longer than the retention period; returns how many people.</summary>
    public Task<int> PurgeInactiveAsync(CancellationToken cancellationToken) =>
        gate.RunAsync(async token =>
        {
            var cutoff = time.GetUtcNow() - options.Value.RetentionPeriod;
            var inactive = (await storage.ListAsync(UsersPrefix, token))
                .GroupBy(item => item.Key[..(item.Key.IndexOf('/', UsersPrefix.Length) + 1)], StringComparer.Ordinal)
                .Where(person => person.Max(item => item.UpdatedAt) < cutoff)
                .Select(person => person.Key)
                .ToList();
            foreach (var prefix in inactive)
            {
                await storage.DeletePrefixAsync(prefix, token);
                var user = UserKey.Parse(prefix[UsersPrefix.Length..^1]);
                foreach (var store in otherStores)
                {
                    await store.EraseAsync(user, token);
                }
            }

            return inactive.Count;
        }, cancellationToken);

    private static string ProfileKey(UserKey user) => Prefix(user) + "profile";

    private async Task EraseAsync(UserKey user, CancellationToken cancellationToken)
    {
        foreach (var store in otherStores)
        {
            await store.EraseAsync(user, cancellationToken);
        }

        await storage.DeletePrefixAsync(Prefix(user), cancellationToken);
        pendingErasures.TryRemove(user, out _);
    }

    private async Task<(UserProfile? Profile, string? ETag)> ReadAsync(UserKey user, CancellationToken cancellationToken)
    {
        var found = await storage.ReadAsync([ProfileKey(user)], cancellationToken);
        return found.Values.FirstOrDefault() is StoredDocument document
            ? (JsonSerializer.Deserialize(document.Json, StateJson.Default.UserProfile), document.ETag)
            : (null, null);
    }

    private static partial class Log
    {
        // The key is the hashed id: logs never carry a channel's user id.
        [LoggerMessage(Level = LogLevel.Debug, Message = "Profile of {User} changed by another turn; attempt {Attempt} retries")]
        public static partial void Conflict(ILogger logger, UserKey user, int attempt);
    }
}
