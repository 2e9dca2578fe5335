using WellbeingBot.Knowledge;
using WellbeingBot.Reminders;
using WellbeingBot.Safety;
using WellbeingBot.State;
using WellbeingBot.State.Storage;

namespace WellbeingBot.Bot;

/// <summary>What storage said about the person at the start of a turn: their profile (null: nothing stored), or unreachable.</summary>
public sealed record StoredProfile(UserProfile? Profile, bool Unavailable)
{
    public static readonly StoredProfile None = new(null, false);
    public static readonly StoredProfile Unreachable = new(null, true);
}

/// <summary>
/// The turns about the person's data: "privacy", "what do you know about me", "forget me" and its confirmation, and the
/// consent question before anything is stored. Nothing is stored unless the person said yes to that question.
/// </summary>
public sealed class PrivacyConversation(
    PrivacyReplies replies, UserDataStore users, ReminderStore reminders, StorageGate gate, CrisisDirectory directory, AnswerFinder finder, TimeProvider time)
{
    /// <returns>The reply when the message was about the person's data, otherwise null; and what the conversation remembers.</returns>
    public async Task<(BotReply? Reply, ConversationMemory Memory)> HandleAsync(
        string text, UserKey? user, StoredProfile stored, ConversationMemory memory, CancellationToken cancellationToken)
    {
        if (memory.ForgetRequested)
        {
            // Asked once; anything but a yes or a no is an ordinary message, and keeps everything.
            memory = memory with { ForgetRequested = false };
            switch (PrivacyCommands.ForgetAnswer(text))
            {
                case true:
                    return (await ForgetAsync(user, cancellationToken), ConversationMemory.Empty);
                case false:
                    return (replies.ForgetCancelled(), memory);
            }
        }

        if (memory.PendingConsent is { Purpose: ConsentPurpose.Country } pending)
        {
            memory = memory with { PendingConsent = null };
            switch (PrivacyCommands.ConsentAnswer(text))
            {
                case true:
                    return (await RememberCountryAsync(user, pending.Value, cancellationToken), memory);
                case false:
                    return (replies.CountryNotRemembered(CountryName(pending.Value)), memory);
            }
        }

        switch (SmallTalk.Classify(text))
        {
            case SmallTalkKind.Privacy:
                return (replies.Privacy(), memory);
            case SmallTalkKind.WhatDoYouKnow:
                var inMemory = PrivacyCommands.Facts(memory, id => finder.Passage(id)?.Title, CountryName);
                var inStorage = stored.Unavailable ? null : stored.Profile is { } profile ? await StoredFactsAsync(user, profile, cancellationToken) : [];
                return (replies.WhatIKnow(inMemory, inStorage), memory);
            case SmallTalkKind.ForgetMe:
                return (replies.ConfirmForget(), memory with { ForgetRequested = true });
            case SmallTalkKind.SetCountry when directory.Mentioned(text) is { } country:
                // The safety check has already taken the country for this conversation; storing it needs a yes first.
                if (user is null || stored.Unavailable)
                {
                    return (user is null ? replies.CountryNotRemembered(country.Name) : replies.CannotStoreNow(country.Name), memory);
                }

                return stored.Profile is null
                    ? (replies.AskToRememberCountry(country.Name), memory with { PendingConsent = new ConsentRequest(ConsentPurpose.Country, country.Code) })
                    : (await RememberCountryAsync(user, country.Code, cancellationToken), memory);
            default:
                return (null, memory);
        }
    }

    private async Task<IReadOnlyList<string>?> StoredFactsAsync(UserKey? user, UserProfile profile, CancellationToken cancellationToken)
    {
        var facts = PrivacyCommands.Facts(profile, CountryName).ToList();
        if (user is { } key && profile.RemindersAgreed)
        {
            try
            {
                if (await gate.RunAsync(token => reminders.GetAsync(key, token), cancellationToken) is { } reminder)
                {
                    facts.Add($"your daily reminder, {ReminderReplies.Describe(reminder.Schedule)}, with the address of this chat to send it to");
                }
            }
            catch (StorageUnavailableException)
            {
                return null;
            }
        }

        return facts;
    }

    private async Task<BotReply> RememberCountryAsync(UserKey? user, string code, CancellationToken cancellationToken)
    {
        if (user is not { } key)
        {
            return replies.CountryNotRemembered(CountryName(code));
        }

        try
        {
            var now = time.GetUtcNow();
            await users.UpdateAsync(key, current => current is null
                ? new UserProfile(now, now, code)
                : current with { LastActive = now, CountryCode = code }, cancellationToken);
            return replies.CountryRemembered(CountryName(code));
        }
        catch (StorageUnavailableException)
        {
            return replies.CannotStoreNow(CountryName(code));
        }
    }

    private async Task<BotReply> ForgetAsync(UserKey? user, CancellationToken cancellationToken)
    {
        if (user is not { } key)
        {
            return replies.Forgotten();
        }

        try
        {
            await users.ForgetAsync(key, cancellationToken);
            return replies.Forgotten();
        }
        catch (StorageUnavailableException)
        {
            return replies.ForgetPending();
        }
    }

    private string CountryName(string code) => directory.Find(code)?.Name ?? new CountryChoice(null, code, CountrySource.Saved).Name ?? code;
}
