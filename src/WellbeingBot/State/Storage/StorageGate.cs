using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace WellbeingBot.State.Storage;

/// <summary>
/// Every storage call goes through here: it gets a time limit, and an outage (unreachable, too slow, broken file) becomes a
/// <see cref="StorageUnavailableException"/>. After an outage, calls fail at once for a short while, so that a turn (a crisis
/// turn above all) never waits on a database that is down.
/// </summary>
public sealed partial class StorageGate(TimeProvider time, IOptions<StorageOptions> options, ILogger<StorageGate> logger)
{
    private readonly Lock gate = new();
    private DateTimeOffset closedUntil = DateTimeOffset.MinValue;

    public bool Available
    {
        get
        {
            lock (gate)
            {
                return time.GetUtcNow() >= closedUntil;
            }
        }
    }

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        if (!Available)
        {
            throw new StorageUnavailableException();
        }

        using var timeout = new CancellationTokenSource(options.Value.OperationTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await operation(linked.Token);
        }
        catch (Exception exception) when (IsOutage(exception, cancellationToken))
        {
            lock (gate)
            {
                closedUntil = time.GetUtcNow() + options.Value.RetryAfterOutage;
            }

            Log.Outage(logger, options.Value.RetryAfterOutage, exception);
            throw new StorageUnavailableException(exception);
        }
    }

    public Task RunAsync(Func<CancellationToken, Task> operation, CancellationToken cancellationToken) =>
        RunAsync(async token =>
        {
            await operation(token);
            return true;
        }, cancellationToken);

    // The caller giving up is not an outage; everything a driver throws when the database is away or broken is.
    private static bool IsOutage(Exception exception, CancellationToken callerToken) => exception switch
    {
        OperationCanceledException => !callerToken.IsCancellationRequested,
        DbException or TimeoutException or SocketException or IOException => true,
        InvalidOperationException { InnerException: DbException or SocketException or TimeoutException } => true,
        _ => false,
    };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Storage is unavailable; storage features pause for {Pause}, answers and crisis help carry on")]
        public static partial void Outage(ILogger logger, TimeSpan pause, Exception exception);
    }
}
