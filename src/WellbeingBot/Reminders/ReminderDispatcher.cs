using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using WellbeingBot.Meditation;
using WellbeingBot.State;

namespace WellbeingBot.Reminders;

/// <summary>
/// Sends due reminders. Each round claims a batch with a lease, marks each person's local day before sending (so a crash
/// between sending and recording can never send twice that day), sends at a paced rate, and records the next due instant.
/// A reminder missed for longer than <see cref="ReminderOptions.MissedWindow"/> is skipped to its next day; a conversation
/// that is gone disables its reminder. Several instances may run this at once against one database.
/// </summary>
public sealed partial class ReminderDispatcher : BackgroundService
{
    public const string MeterName = "WellbeingBot.Reminders";

    private readonly ReminderStore store;
    private readonly IReminderSender sender;
    private readonly ReminderReplies replies;
    private readonly MeditationSession[] sessions;
    private readonly TimeProvider time;
    private readonly ReminderOptions options;
    private readonly ILogger<ReminderDispatcher> logger;
    private readonly RateLimiter? pace;
    private readonly Counter<long> outcomes;

    public ReminderDispatcher(
        ReminderStore store, IReminderSender sender, ReminderReplies replies, MeditationCatalog catalog, TimeProvider time,
        IOptions<ReminderOptions> options, IMeterFactory meters, ILogger<ReminderDispatcher> logger)
    {
        this.store = store;
        this.sender = sender;
        this.replies = replies;
        this.time = time;
        this.options = options.Value;
        this.logger = logger;
        sessions = catalog.Sessions.Where(s => s.Minutes <= 6).OrderBy(s => s.Id, StringComparer.Ordinal).ToArray();
        outcomes = meters.Create(MeterName).CreateCounter<long>("wellbeingbot.reminders", unit: "{reminder}", description: "Reminders by outcome: sent, failed, skipped, gone, duplicate");
        pace = this.options.MaxSendsPerSecond == 0 ? null : new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = this.options.MaxSendsPerSecond,
            TokensPerPeriod = this.options.MaxSendsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue,
            AutoReplenishment = true,
        });
    }

    /// <summary>Identifies this instance's claims.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Claims and delivers one batch; returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await store.ClaimAsync(Owner, now, options.Lease, options.BatchSize, cancellationToken);
        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentSends, CancellationToken = cancellationToken },
            async (reminder, token) => await DeliverAsync(reminder, now, token));
        return claimed.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Dispatch)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.PollInterval, time);
        do
        {
            try
            {
                while (await RunOnceAsync(stoppingToken) == options.BatchSize)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database may be down; claims not finished are picked up again when their lease ends.
                Log.RoundFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        pace?.Dispose();
        base.Dispose();
    }

    private async Task DeliverAsync(StoredReminder reminder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var user = UserKey.Parse(reminder.UserKey);
        var due = reminder.DueAt!.Value;
        if (now - due > options.MissedWindow)
        {
            await store.CompleteAsync(user, Owner, reminder.Schedule.NextDue(now), cancellationToken);
            Count("skipped");
            return;
        }

        var day = reminder.Schedule.LocalDay(due);
        if (!await store.MarkSendingAsync(user, Owner, day, cancellationToken))
        {
            // Already sent on this local day (by this or another instance, before a crash): never twice.
            await store.CompleteAsync(user, Owner, reminder.Schedule.NextDue(Later(now, due)), cancellationToken);
            Count("duplicate");
            return;
        }

        if (pace is not null)
        {
            using var lease = await pace.AcquireAsync(1, cancellationToken);
        }

        var session = sessions[Math.Abs(day.DayNumber) % sessions.Length];
        switch (await sender.SendAsync(reminder.Address, replies.Due(session), cancellationToken))
        {
            case DeliveryResult.Sent:
                await store.CompleteAsync(user, Owner, reminder.Schedule.NextDue(Later(now, due)), cancellationToken);
                Count("sent");
                break;
            case DeliveryResult.Gone:
                await store.DisableAsync(user, Owner, "gone", cancellationToken);
                Log.Gone(logger, user);
                Count("gone");
                break;
            default:
                await store.ReleaseAsync(user, Owner, reminder.LastSentDay, cancellationToken);
                Count("failed");
                break;
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private void Count(string outcome) => outcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "A reminder round failed; unfinished claims are retried when their lease ends")]
        public static partial void RoundFailed(ILogger logger, Exception exception);

        // The key is the hashed id: logs never carry a channel's user id.
        [LoggerMessage(Level = LogLevel.Information, Message = "Reminder of {User} disabled: the conversation is gone")]
        public static partial void Gone(ILogger logger, UserKey user);
    }
}
