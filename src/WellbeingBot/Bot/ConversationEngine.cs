using Microsoft.Extensions.Options;
using WellbeingBot.Knowledge;
using WellbeingBot.Meditation;
using WellbeingBot.Reminders;
using WellbeingBot.Safety;
using WellbeingBot.State;
using WellbeingBot.State.Storage;

namespace WellbeingBot.Bot;

/// <summary>Decides what to answer to one message. Knows nothing of Bot Framework, so the channel SDK stays a thin edge.</summary>
public sealed class ConversationEngine(
    AnswerFinder finder,
    ReplyComposer composer,
    SafetyGate safety,
    PrivacyConversation privacy,
    MeditationGuide meditation,
    ReminderGuide reminders,
    ConversationMemoryStore memories,
    ConversationTurns turns,
    UserDataStore users,
    UnansweredQuestions unanswered,
    ConversationMetrics metrics,
    TimeProvider time,
    IOptions<KnowledgeOptions> options)
{
    // The saved country may improve a crisis reply, but the crisis reply never waits longer than this for it.
    private static readonly TimeSpan SafetyWait = TimeSpan.FromMilliseconds(500);

    public async Task<IReadOnlyList<BotReply>> RespondAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        using var span = ConversationMetrics.Source.StartActivity("turn");
        var started = time.GetTimestamp();
        IReadOnlyList<BotReply> replies;
        using (await turns.EnterAsync(message.ConversationId, cancellationToken))
        {
            replies = await DecideAsync(message, cancellationToken);
        }

        metrics.Turn(replies, time.GetElapsedTime(started));
        span?.SetTag("wellbeingbot.reply.kinds", string.Join(',', replies.Select(r => r.Kind)));
        return replies;
    }

    private async Task<IReadOnlyList<BotReply>> DecideAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = InputText.Clean(message.Text);
        if (text.Length == 0)
        {
            return [composer.UnreadableInput(message.HasAttachments)];
        }

        var user = UserKey.From(message.UserId);
        var reading = ReadProfileAsync(user, cancellationToken);
        var early = await WithinAsync(reading, SafetyWait, cancellationToken);

        // The safety check comes before anything else, on every message, in every state of the conversation.
        var checkedMessage = safety.Check(text, message, memories.Get(message.ConversationId), early?.Profile?.CountryCode);
        if (checkedMessage.Final)
        {
            memories.Set(message.ConversationId, MeditationGuide.PauseForCrisis(checkedMessage.Memory));
            return checkedMessage.Replies;
        }

        var stored = await reading;
        var (reply, memory) = await privacy.HandleAsync(text, user, stored, checkedMessage.Memory, cancellationToken);
        if (reply is null)
        {
            (reply, memory) = await reminders.HandleAsync(text, message, user, stored, memory, cancellationToken);
        }

        if (reply is null)
        {
            (reply, memory) = await meditation.HandleAsync(text, message, user, stored, memory, checkedMessage.HelpLine, cancellationToken);
        }

        if (reply is null)
        {
            (reply, memory) = Answer(text, checkedMessage with { Memory = memory });
        }

        memories.Set(message.ConversationId, memory);
        if (user is { } key && stored.Profile is { } profile)
        {
            await TouchAsync(key, profile, cancellationToken);
            await reminders.RefreshAddressAsync(key, message.ReplyAddress, stored, cancellationToken);
        }

        return [.. checkedMessage.Replies, reply];
    }

    private (BotReply Reply, ConversationMemory Memory) Answer(string text, SafetyOutcome checkedMessage)
    {
        var memory = checkedMessage.Memory;
        var last = memory.LastAnswer is { } l && time.GetUtcNow() - l.At <= options.Value.FollowUpWindow ? l : null;
        switch (SmallTalk.Classify(text))
        {
            case SmallTalkKind.Greeting:
                return (composer.Help(), memory);
            case SmallTalkKind.Thanks:
                return (composer.Acknowledgement(), memory);
            case SmallTalkKind.More:
                return last is not null && finder.Passage(last.PassageId) is { } passage
                    ? (WithMeditation(composer.FullAnswer(passage, finder.Related(passage), checkedMessage.HelpLine), passage, memory), memory)
                    : (composer.NothingToExpand(), memory);
        }

        switch (finder.Find(text, last?.Subject))
        {
            case KnowledgeAnswer answer:
                var remembered = new LastAnswer(answer.Passage.Id, answer.Subject ?? last?.Subject, time.GetUtcNow());
                return (WithMeditation(composer.Answer(answer, checkedMessage.HelpLine), answer.Passage, memory), memory with { LastAnswer = remembered });
            case NoReliableAnswer when meditation.MoodOf(text) is { } mood:
                // "I can't sleep", "I feel so anxious": not a question for the knowledge base, but a moment a short practice may help.
                return (meditation.Offer(mood, checkedMessage.HelpLine), memory);
            case NoReliableAnswer none:
                // Words from someone who showed distress are never written down, even when the operator keeps question text.
                unanswered.Record(none, text, mayKeepText: checkedMessage.HelpLine is null && !memory.DistressShown);
                return (composer.NoAnswer(none, checkedMessage.HelpLine), memory);
            default:
                throw new InvalidOperationException("unknown knowledge result");
        }
    }

    // Every answer ends with one session that fits the conversation's mood or the answer's topic.
    private BotReply WithMeditation(BotReply answer, Passage passage, ConversationMemory memory) =>
        ReplyComposer.WithMeditation(answer, meditation.OfferFor(passage.Topic, memory.Mood));

    private async Task<StoredProfile> ReadProfileAsync(UserKey? user, CancellationToken cancellationToken)
    {
        if (user is not { } key)
        {
            return StoredProfile.None;
        }

        try
        {
            return new StoredProfile(await users.GetAsync(key, cancellationToken), false);
        }
        catch (StorageUnavailableException)
        {
            return StoredProfile.Unreachable;
        }
    }

    private async Task<StoredProfile?> WithinAsync(Task<StoredProfile> reading, TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            return await reading.WaitAsync(wait, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    // Restarts the retention clock; an outage here costs nothing, the next turn tries again.
    private async Task TouchAsync(UserKey user, UserProfile profile, CancellationToken cancellationToken)
    {
        try
        {
            await users.TouchAsync(user, profile, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
        }
    }
}
