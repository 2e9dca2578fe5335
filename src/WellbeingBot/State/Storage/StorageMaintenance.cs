using Microsoft.Extensions.Options;

namespace WellbeingBot.State.Storage;

/// <summary>
/// Creates or migrates the schema at start, then, every <see cref="StorageOptions.MaintenanceInterval"/>, deletes the data of
/// people inactive for longer than the retention period and retries "forget me" requests that met an outage. A database that
/// is down at start is not fatal: answers and crisis help need no storage, and the next round tries again.
/// </summary>
public sealed partial class StorageMaintenance(
    SqlStorage storage, StorageGate gate, UserDataStore users, TimeProvider time, IOptions<StorageOptions> options, ILogger<StorageMaintenance> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MaintenanceInterval, time);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await gate.RunAsync(storage.EnsureSchemaAsync, cancellationToken);
            var purged = await users.PurgeInactiveAsync(cancellationToken);
            var waiting = await users.RetryErasuresAsync(cancellationToken);
            Log.Done(logger, purged, options.Value.RetentionPeriod.TotalDays, waiting);
        }
        catch (StorageUnavailableException)
        {
            // StorageGate has logged the outage; the next round tries again.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Storage maintenance: deleted the data of {Purged} people inactive for over {Days} days; {Waiting} forget-me requests still waiting")]
        public static partial void Done(ILogger logger, int purged, double days, int waiting);
    }
}
