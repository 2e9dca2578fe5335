using System.Globalization;
using Microsoft.Extensions.Options;
using WellbeingBot.Bot;
using WellbeingBot.State;
using WellbeingBot.State.Storage;

namespace WellbeingBot.Meditation;

/// <summary>What the bot says around meditation: choices, each guided step (a card with a text fallback), pause, stop, the end.</summary>
public sealed class MeditationReplies(ReplyComposer composer, IOptions<StorageOptions> storage)
{
    public const string Next = "Next";
    public const string Pause = "Pause";
    public const string Resume = "Resume";
    public const string Stop = "Stop";
    public const string SuggestAnother = "Suggest a meditation";
    public const string CountYes = "Yes, keep count";
    public const string CountNo = "No thanks";

    public BotReply Choices(IReadOnlyList<MeditationSession> sessions, string? focus, string? helpLine)
    {
        var purpose = focus switch
        {
            "sleep" => " with sleep",
            "anxiety" => " with anxious feelings",
            "stress" => " with stress",
            "low-mood" => " when you feel low",
            "focus" => " with focus",
            "grounding" => " to feel more grounded",
            "before-appointment" => " before an appointment",
            "after-treatment" => " to rest after a treatment session",
            _ => "",
        };
        var text = $"Here are some short sessions that may help{purpose}:\n\n"
            + string.Join('\n', sessions.Select(s => $"- **{s.Title}** ({s.Minutes} min): {s.Summary}"))
            + "\n\nChoose one and I'll guide you one step at a time. You can pause or stop whenever you like.";
        if (helpLine is not null)
        {
            text += $"\n\n{helpLine}";
        }

        return composer.Finish(ReplyKind.Meditation, text, sessions.Select(s => s.Offer).ToArray());
    }

    /// <param name="greeting">A line before the first step ("Welcome back."), or null.</param>
    public BotReply Step(MeditationSession session, int step, string? greeting = null)
    {
        var current = session.Steps[step];
        var subtitle = $"Step {step + 1} of {session.Steps.Count} · about {Duration(current.Seconds)}";
        var last = step == session.Steps.Count - 1;
        var hint = last ? "Say **finish** when you're ready." : "Say **next** when you're ready, **pause** to take a break or **stop** to end.";
        var body = greeting is null ? current.Text : $"{greeting}\n\n{current.Text}";
        var buttons = new[]
        {
            Button(last ? "Finish" : Next, "next", session, step),
            Button(Pause, "pause", session, step),
            Button(Stop, "stop", session, step),
        };
        var reply = composer.Finish(ReplyKind.Meditation, $"**{session.Title}** · {subtitle}\n\n{body}\n\n{hint}", []);
        return reply with { Card = new ReplyCard(session.Title, subtitle, body, composer.NotesText, buttons) };
    }

    public BotReply Paused(MeditationSession session, int step)
    {
        var text = $"Paused at step {step + 1} of {session.Steps.Count}. Take all the time you need; say **resume** to carry on where you were, or **stop** to end.";
        var reply = composer.Finish(ReplyKind.Meditation, $"**{session.Title}**\n\n{text}", []);
        return reply with
        {
            Card = new ReplyCard(session.Title, "Paused", text, composer.NotesText, [Button(Resume, "resume", session, step), Button(Stop, "stop", session, step)]),
        };
    }

    public BotReply Stopped(MeditationSession session) =>
        composer.Finish(ReplyKind.Meditation,
            $"I've ended {session.Title.ToLowerInvariant()}. Stopping part way is completely fine; even a minute of quiet counts. You can start any session again whenever you like.",
            [SuggestAnother]);

    /// <param name="progress">The count so far, when the person agreed to keep one; null otherwise.</param>
    /// <param name="askToCount">Adds the consent question for keeping count.</param>
    public BotReply Finished(MeditationSession session, MeditationProgress? progress, bool askToCount)
    {
        var text = $"You've finished {session.Title.ToLowerInvariant()}. Take a moment to notice how you feel, without judging it.";
        if (progress is not null)
        {
            text += "\n\n" + ProgressLine(progress);
        }

        if (askToCount)
        {
            text += "\n\nWould you like me to keep count of the sessions you finish? I would store the number of sessions, the minutes, "
                + "the days you practised and the date of your last message. Never what you write. It is deleted "
                + $"{(int)storage.Value.RetentionPeriod.TotalDays} days after your last message, or whenever you say \"forget me\". "
                + "There are no streaks: missing a day never resets anything.";
        }

        return composer.Finish(ReplyKind.Meditation, text, askToCount ? [CountYes, CountNo] : [SuggestAnother]);
    }

    public BotReply Progress(MeditationProgress? progress, bool storageUnavailable) =>
        composer.Finish(ReplyKind.Meditation,
            storageUnavailable ? "I can't reach my storage right now, so I can't show your progress. Please ask again later."
            : progress is null ? "I'm not keeping count of your sessions, because you haven't asked me to. When you finish a session, I'll ask whether you'd like me to."
            : ProgressLine(progress) + " Every session counts, whenever you do it.",
            [SuggestAnother]);

    public BotReply CountingStarted(MeditationProgress progress) =>
        composer.Finish(ReplyKind.Meditation, $"Done: I'll keep count. {ProgressLine(progress)} Say \"my progress\" any time to see it.", [SuggestAnother]);

    public BotReply NotCounting() =>
        composer.Finish(ReplyKind.Meditation, "OK, I won't keep count, and nothing was stored.", [SuggestAnother]);

    public BotReply CannotCountNow() =>
        composer.Finish(ReplyKind.Meditation, "I can't save anything right now because my storage is unavailable, so nothing was stored. Please ask me again after your next session.", [SuggestAnother]);

    private static string ProgressLine(MeditationProgress p) =>
        $"So far you've finished {Count(p.Sessions, "session")}, {Count(p.Minutes, "minute")} in all, on {Count(p.Days, "day")}.";

    private static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";

    private static string Duration(int seconds) =>
        seconds < 60 ? $"{seconds} seconds"
        : seconds % 60 == 0 ? Count(seconds / 60, "minute")
        : $"{(seconds / 60.0).ToString("0.#", CultureInfo.InvariantCulture)} minutes";

    private static CardButton Button(string title, string action, MeditationSession session, int step) =>
        new(title, new Dictionary<string, string>
        {
            ["text"] = action,
            ["session"] = session.Id,
            ["step"] = step.ToString(CultureInfo.InvariantCulture),
        });
}
