using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace WellbeingBot.Channels.BotFramework;

/// <summary>
/// Rate limits on /api/messages: per conversation (so one runaway conversation cannot crowd out others) and per client address.
/// Both answer 429 with Retry-After; the Bot Framework and Teams retry such answers themselves.
/// </summary>
public sealed class BotRequestLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> conversations;
    private readonly PartitionedRateLimiter<string> clients;

    public BotRequestLimits(IOptions<BotOptions> options)
    {
        conversations = PerMinute(options.Value.MessagesPerMinutePerConversation);
        clients = PerMinute(options.Value.RequestsPerMinutePerClient);
    }

    /// <returns>Null when the request may go on, or how long the client should wait.</returns>
    public TimeSpan? Check(string? conversationId, IPAddress? client)
    {
        foreach (var (limiter, key) in new[] { (clients, client?.ToString() ?? "unknown"), (conversations, conversationId ?? "") })
        {
            if (limiter == conversations && conversationId is null)
            {
                continue;
            }

            using var lease = limiter.AttemptAcquire(key);
            if (!lease.IsAcquired)
            {
                return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            }
        }

        return null;
    }

    public void Dispose()
    {
        conversations.Dispose();
        clients.Dispose();
    }

    private static PartitionedRateLimiter<string> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            // Refilled in small steps at the configured rate: below 60 a minute one token every 60/permits seconds (a refill
            // of one a second would have allowed 60 a minute whatever was set), above it permits/60 tokens a second.
            TokenLimit = permits,
            TokensPerPeriod = permits >= 60 ? permits / 60 : 1,
            ReplenishmentPeriod = permits >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(60.0 / permits),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
