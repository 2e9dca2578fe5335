using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using WellbeingBot.Bot;
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
    // One message per short session, made once: the day picks which, so people get a different session on different days.
    private readonly BotReply[] dueMessages;
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
        this.time = time;
        this.options = options.Value;
        this.logger = logger;
        dueMessages = catalog.Sessions.Where(s => s.Minutes <= 6).OrderBy(s => s.Id, StringComparer.Ordinal).Select(replies.Due).ToArray();
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
        if (claimed.Count == 0)
        {
            return 0;
        }

        var outcomes = new List<ClaimOutcome>();
        var due = new List<StoredReminder>();
        foreach (var reminder in claimed)
        {
            if (now - reminder.DueAt!.Value > options.MissedWindow)
            {
                outcomes.Add(new ClaimOutcome(UserKey.Parse(reminder.UserKey), reminder.Schedule.NextDue(now)));
                Count("skipped");
            }
            else
            {
                due.Add(reminder);
            }
        }

        // Each chunk's days are marked just before it is sent: after a crash, at most the sends in flight are missed that day,
        // and none is ever sent twice.
        var results = new System.Collections.Concurrent.ConcurrentBag<ClaimOutcome>();
        foreach (var chunk in due.Chunk(options.MaxConcurrentSends * 2))
        {
            var marked = await store.MarkSendingAsync(Owner, chunk.Select(r => (UserKey.Parse(r.UserKey), r.Schedule.LocalDay(r.DueAt!.Value))).ToList(), cancellationToken);
            await Parallel.ForEachAsync(
                chunk,
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentSends, CancellationToken = cancellationToken },
                async (reminder, token) =>
                {
                    try
                    {
                        results.Add(await DeliverAsync(reminder, marked.Contains(UserKey.Parse(reminder.UserKey)), now, token));
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                    {
                        // One reminder's surprise must not sink the batch: it is retried next round.
                        Log.SendFailed(logger, e);
                        results.Add(new ClaimOutcome(UserKey.Parse(reminder.UserKey), Retry: true, PreviousDay: reminder.LastSentDay));
                    }
                });
        }

        outcomes.AddRange(results);
        await store.FinishAsync(Owner, outcomes, cancellationToken);
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

    private async Task<ClaimOutcome> DeliverAsync(StoredReminder reminder, bool marked, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var user = UserKey.Parse(reminder.UserKey);
        var due = reminder.DueAt!.Value;
        if (!marked)
        {
            // Already sent on this local day (by this or another instance, before a crash): never twice.
            Count("duplicate");
            return new ClaimOutcome(user, reminder.Schedule.NextDue(Later(now, due)));
        }

        if (pace is not null)
        {
            using var lease = await pace.AcquireAsync(1, cancellationToken);
        }

        var day = reminder.Schedule.LocalDay(due);
        var message = dueMessages[Math.Abs(day.DayNumber) % dueMessages.Length];
        switch (await sender.SendAsync(reminder.Address, message, cancellationToken))
        {
            case DeliveryResult.Sent:
                Count("sent");
                return new ClaimOutcome(user, reminder.Schedule.NextDue(Later(now, due)));
            case DeliveryResult.Gone:
                Log.Gone(logger, user);
                Count("gone");
                return new ClaimOutcome(user, Disabled: "gone");
            default:
                Count("failed");
                return new ClaimOutcome(user, Retry: true, PreviousDay: reminder.LastSentDay);
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private void Count(string outcome) => outcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "A reminder round failed; unfinished claims are retried when their lease ends")]
        public static partial void RoundFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "A reminder could not be sent; it is retried next round")]
        public static partial void SendFailed(ILogger logger, Exception exception);

        // The key is the hashed id: logs never carry a channel's user id.
        [LoggerMessage(Level = LogLevel.Information, Message = "Reminder of {User} disabled: the conversation is gone")]
        public static partial void Gone(ILogger logger, UserKey user);
    }
}
