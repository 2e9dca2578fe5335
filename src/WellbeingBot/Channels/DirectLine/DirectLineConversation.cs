using Microsoft.Bot.Schema;

namespace WellbeingBot.Channels.DirectLine;

/// <summary>
/// One conversation of the self-hosted Direct Line: its transcript (what the page polls, with the watermark being a position in
/// it), its current token and when it was last used. Everything is guarded by the instance's lock.
/// </summary>
public sealed class DirectLineConversation(string id, DateTimeOffset now)
{
    private readonly List<Activity> transcript = [];
    private readonly Queue<DateTimeOffset> recentPosts = new();

    public string Id { get; } = id;

    public Lock Gate { get; } = new();

    /// <summary>Turns run one at a time per conversation, so replies keep their order and memory updates never race.</summary>
    public SemaphoreSlim Turns { get; } = new(1, 1);

    public DateTimeOffset LastUsed { get; private set; } = now;

    /// <summary>True once the page has started the conversation and the bot has been told someone joined.</summary>
    public bool Started { get; set; }

    /// <summary>The visitor; each conversation has its own id, since a web visitor has no account to share between them.</summary>
    public ChannelAccount User { get; set; } = new($"web-{id}", "You", "user");

    public string? Locale { get; set; }

    public void Touch(DateTimeOffset now)
    {
        lock (Gate)
        {
            LastUsed = now;
        }
    }

    /// <summary>Adds an activity to the transcript with its id and position; Direct Line ids are "conversation|position".</summary>
    public string Append(Activity activity)
    {
        lock (Gate)
        {
            activity.Id = $"{Id}|{transcript.Count:D7}";
            transcript.Add(activity);
            return activity.Id;
        }
    }

    /// <returns>The activities after the watermark, and the new watermark.</returns>
    public (IReadOnlyList<Activity> Activities, int Watermark) Since(int watermark)
    {
        lock (Gate)
        {
            var from = Math.Clamp(watermark, 0, transcript.Count);
            return (transcript.Skip(from).ToArray(), transcript.Count);
        }
    }

    /// <summary>A sliding one-minute window of posts; false when the limit is reached.</summary>
    public bool TryPost(DateTimeOffset now, int perMinute)
    {
        lock (Gate)
        {
            while (recentPosts.Count > 0 && now - recentPosts.Peek() >= TimeSpan.FromMinutes(1))
            {
                recentPosts.Dequeue();
            }

            if (recentPosts.Count >= perMinute)
            {
                return false;
            }

            recentPosts.Enqueue(now);
            return true;
        }
    }
}
