using System.Globalization;
using System.Text.RegularExpressions;
using WellbeingBot.Bot;
using WellbeingBot.Knowledge;
using WellbeingBot.State;
using WellbeingBot.State.Storage;

namespace WellbeingBot.Meditation;

/// <summary>
/// Guides a session one step at a time (next, pause, resume, stop), offers sessions, and counts finished ones for people who
/// agreed. The place in a session is kept in the conversation memory and in every card button, so pressing a card's button
/// resumes at the right step even after a restart; for people who agreed to keep progress it is also stored.
/// </summary>
public sealed partial class MeditationGuide(
    MeditationCatalog catalog, MeditationReplies replies, UserDataStore users, KnowledgeBase knowledge, TimeProvider time)
{
    private const int Choices = 3;

    // Longer messages are usually telling the bot something it should search for, not just how they feel.
    private const int MaxFeelingWords = 14;

    // A stored place older than this is an abandoned session, not one to resume.
    private static readonly TimeSpan ResumeWindow = TimeSpan.FromHours(12);

    // Someone away for longer than this is welcomed back; nothing is ever said about the days in between.
    private static readonly TimeSpan WelcomeBackAfter = TimeSpan.FromDays(3);

    private enum Command
    {
        None,
        Next,
        Pause,
        Resume,
        Stop,
        Restart,
    }

    /// <returns>The reply when the message was about meditation, otherwise null; and what the conversation remembers.</returns>
    public async Task<(BotReply? Reply, ConversationMemory Memory)> HandleAsync(
        string text, IncomingMessage message, UserKey? user, StoredProfile stored, ConversationMemory memory, string? helpLine, CancellationToken cancellationToken)
    {
        var mood = catalog.Moods.Detect(text);
        if (mood is not null)
        {
            memory = memory with { Mood = mood };
        }

        if (memory.PendingConsent is { Purpose: ConsentPurpose.Progress } pending)
        {
            memory = memory with { PendingConsent = null };
            switch (PrivacyCommands.ConsentAnswer(text))
            {
                case true:
                    return (await StartCountingAsync(user, catalog.Find(pending.Value), cancellationToken), memory);
                case false:
                    return (replies.NotCounting(), memory with { ProgressDeclined = true });
            }
        }

        var command = Parse(text);
        var position = memory.Meditation ?? FromCard(message.CardData) ?? Recent(stored.Profile?.Meditation);
        if (command != Command.None && position is not null && catalog.Find(position.SessionId) is { } active)
        {
            return await GuideAsync(command, active, position, user, stored, memory, cancellationToken);
        }

        if (catalog.Named(text) is { } session)
        {
            var welcome = stored.Profile?.Progress is { } p && Today(stored.Profile).DayNumber - p.LastDay.DayNumber >= WelcomeBackAfter.Days ? "Welcome back. It's good to see you again." : null;
            return await MoveAsync(session, new MeditationPosition(session.Id, 0, false, time.GetUtcNow()), user, stored, memory, welcome, cancellationToken);
        }

        if (ProgressRequest().IsMatch(text))
        {
            return (replies.Progress(stored.Profile?.Progress, stored.Unavailable), memory);
        }

        if (SuggestRequest().IsMatch(text))
        {
            return (Offer(memory.Mood, helpLine), memory);
        }

        // "I can't sleep", "I feel so anxious": how someone feels, not a question for the knowledge base.
        return mood is not null && IsFeeling(text) ? (Offer(mood, helpLine), memory) : (null, memory);
    }

    private static bool IsFeeling(string text) =>
        !text.Contains('?', StringComparison.Ordinal) && !QuestionStart().IsMatch(text) && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxFeelingWords;

    /// <summary>Two or three sessions for a purpose (or the shortest ones), as buttons.</summary>
    public BotReply Offer(string? focus, string? helpLine) => replies.Choices(catalog.Suggest(focus, Choices), focus, helpLine);

    /// <summary>
    /// The button under an answer: a session for the mood the conversation showed, else for the answer's topic, else the
    /// shortest one.
    /// </summary>
    public string OfferFor(string topic, string? mood) =>
        (catalog.Suggest(mood ?? knowledge.Topics.Find(topic)?.Meditation, 1) is [var best, ..] ? best : catalog.Sessions[0]).Offer;

    /// <summary>The purpose a message's words point to ("can't sleep": sleep), or null.</summary>
    public string? MoodOf(string text) => catalog.Moods.Detect(text);

    /// <summary>A crisis interrupts a session: it is paused, never carried on as if nothing happened.</summary>
    public static ConversationMemory PauseForCrisis(ConversationMemory memory) =>
        memory.Meditation is { } position ? memory with { Meditation = position with { Paused = true } } : memory;

    private async Task<(BotReply?, ConversationMemory)> GuideAsync(
        Command command, MeditationSession session, MeditationPosition position, UserKey? user, StoredProfile stored, ConversationMemory memory, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case Command.Pause:
                var paused = position with { Paused = true, At = time.GetUtcNow() };
                await SavePlaceAsync(user, stored, paused, cancellationToken);
                return (replies.Paused(session, position.Step), memory with { Meditation = paused });
            case Command.Stop:
                await SavePlaceAsync(user, stored, null, cancellationToken);
                return (replies.Stopped(session), memory with { Meditation = null });
            case Command.Restart:
                return await MoveAsync(session, position with { Step = 0, Paused = false }, user, stored, memory, null, cancellationToken);
            case Command.Resume:
            case Command.Next when position.Paused:
                return await MoveAsync(session, position with { Paused = false }, user, stored, memory, null, cancellationToken);
            case Command.Next when position.Step + 1 < session.Steps.Count:
                return await MoveAsync(session, position with { Step = position.Step + 1 }, user, stored, memory, null, cancellationToken);
            default:
                return await FinishAsync(session, user, stored, memory with { Meditation = null }, cancellationToken);
        }
    }

    private async Task<(BotReply?, ConversationMemory)> MoveAsync(
        MeditationSession session, MeditationPosition position, UserKey? user, StoredProfile stored, ConversationMemory memory, string? greeting, CancellationToken cancellationToken)
    {
        var moved = position with { At = time.GetUtcNow() };
        await SavePlaceAsync(user, stored, moved, cancellationToken);
        return (replies.Step(session, moved.Step, greeting), memory with { Meditation = moved });
    }

    private async Task<(BotReply?, ConversationMemory)> FinishAsync(
        MeditationSession session, UserKey? user, StoredProfile stored, ConversationMemory memory, CancellationToken cancellationToken)
    {
        if (user is { } key && stored.Profile?.Progress is not null)
        {
            try
            {
                var updated = await users.UpdateAsync(key, p => p is null ? null : p with
                {
                    Progress = (p.Progress ?? new MeditationProgress(0, 0, 0, default)).Add(session.Minutes, Today(p)),
                    Meditation = null,
                }, cancellationToken);
                return (replies.Finished(session, updated?.Progress, askToCount: false), memory);
            }
            catch (StorageUnavailableException)
            {
                return (replies.Finished(session, null, askToCount: false), memory);
            }
        }

        var ask = user is not null && !stored.Unavailable && !memory.ProgressDeclined;
        return (replies.Finished(session, null, ask), ask ? memory with { PendingConsent = new ConsentRequest(ConsentPurpose.Progress, session.Id) } : memory);
    }

    private async Task<BotReply> StartCountingAsync(UserKey? user, MeditationSession? finished, CancellationToken cancellationToken)
    {
        if (user is not { } key || finished is null)
        {
            return replies.NotCounting();
        }

        try
        {
            var now = time.GetUtcNow();
            var profile = await users.UpdateAsync(key, current => current is null
                ? new UserProfile(now, now, Progress: new MeditationProgress(0, 0, 0, default).Add(finished.Minutes, Today(null)))
                : current with { LastActive = now, Progress = current.Progress ?? new MeditationProgress(0, 0, 0, default).Add(finished.Minutes, Today(current)) }, cancellationToken);
            return replies.CountingStarted(profile!.Progress!);
        }
        catch (StorageUnavailableException)
        {
            return replies.CannotCountNow();
        }
    }

    // The place is stored only for people who agreed to keep progress; for everyone else it lives in memory and on the card.
    private async Task SavePlaceAsync(UserKey? user, StoredProfile stored, MeditationPosition? position, CancellationToken cancellationToken)
    {
        if (user is not { } key || stored.Profile?.Progress is null)
        {
            return;
        }

        try
        {
            await users.UpdateAsync(key, p => p is null ? null : p with { Meditation = position }, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            // The place is still in memory and on the card.
        }
    }

    private MeditationPosition? FromCard(IReadOnlyDictionary<string, string>? data) =>
        data is not null && data.TryGetValue("session", out var id) && catalog.Find(id) is { } session
        && data.TryGetValue("step", out var raw) && int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var step)
        && step < session.Steps.Count
            ? new MeditationPosition(session.Id, step, false, time.GetUtcNow())
            : null;

    private MeditationPosition? Recent(MeditationPosition? stored) =>
        stored is not null && time.GetUtcNow() - stored.At <= ResumeWindow ? stored : null;

    // The person's own day when their time zone is known (they set a reminder), else the UTC day.
    private DateOnly Today(UserProfile? profile) =>
        Reminders.LocalTimes.Find(profile?.TimeZone) is { } zone
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime)
            : DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static Command Parse(string text) =>
        NextWords().IsMatch(text) ? Command.Next
        : PauseWords().IsMatch(text) ? Command.Pause
        : ResumeWords().IsMatch(text) ? Command.Resume
        : StopWords().IsMatch(text) ? Command.Stop
        : RestartWords().IsMatch(text) ? Command.Restart
        : Command.None;

    [GeneratedRegex(@"^\W*(next|next step|next one|ok(ay)?|done|ready|i'?m ready|finish(ed)?|go|next please)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex NextWords();

    [GeneratedRegex(@"^\W*(pause|pause (it|please|the session)|wait|hold on|one (sec|moment|minute)|break|take a break)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex PauseWords();

    [GeneratedRegex(@"^\W*(resume|continue|carry on|go on|unpause|keep going|i'?m back|back|resume (it|please|the session))\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex ResumeWords();

    [GeneratedRegex(@"^\W*(stop|end|quit|exit|cancel|enough|stop (it|please|now|the (session|meditation|exercise))|end (it|the (session|meditation|exercise)))\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex StopWords();

    [GeneratedRegex(@"^\W*(start (it )?(again|over)|restart|from the (start|beginning)|begin again)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex RestartWords();

    [GeneratedRegex(@"^\W*(what|how|why|when|where|which|who|whom|whose|can|could|does|do|did|is|are|was|were|will|would|should|shall|may|might|has|have|tell me|explain)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionStart();

    [GeneratedRegex(@"^\W*(my progress|(show|see) (me )?my progress|my (meditation )?(stats|history|progress)|how many (sessions|meditations) (have i|did i) (done|finished|completed|do)|how am i doing)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex ProgressRequest();

    [GeneratedRegex(@"^\W*((please )?(suggest|recommend|give me|show me|list|offer|find)( me)? (a|an|some|the)? ?(short |quick |good |calming |relaxing )?(meditations?|breathing exercises?|relaxation( exercises?)?|mindfulness( exercises?)?|sessions?|exercises?)( for \w+( \w+)?)?|(i want|i'?d like|can i|could i|let me|let'?s) (to )?(meditate|do (a|some) (meditation|breathing|relaxation|mindfulness)( exercise)?)|meditate|meditation|meditations|a meditation|help me (relax|calm down|unwind|breathe))\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex SuggestRequest();
}
