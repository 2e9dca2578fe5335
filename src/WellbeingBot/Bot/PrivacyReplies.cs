using Microsoft.Extensions.Options;
using WellbeingBot.Knowledge;
using WellbeingBot.State.Storage;

namespace WellbeingBot.Bot;

/// <summary>The privacy notice, "what do you know about me", "forget me" and the consent question, in plain words.</summary>
public sealed class PrivacyReplies(Notes notes, ReplyComposer composer, IOptions<StorageOptions> storage)
{
    public const string ForgetYes = "Yes, forget me";
    public const string ForgetNo = "No, keep it";
    public const string ConsentYes = "Yes, remember it";
    public const string ConsentNo = "No, just for now";

    private int RetentionDays => (int)storage.Value.RetentionPeriod.TotalDays;

    public BotReply Privacy() =>
        composer.Finish(ReplyKind.Privacy, $"{notes.Privacy}\n\nOn this service, stored data is deleted {RetentionDays} days after your last message.", ["What do you know about me?", "Forget me"]);

    /// <param name="inMemory">What this conversation holds in memory, each fact in plain words.</param>
    /// <param name="stored">What is stored with the person's consent; null when storage could not be reached.</param>
    public BotReply WhatIKnow(IReadOnlyList<string> inMemory, IReadOnlyList<string>? stored)
    {
        var parts = new List<string>();
        if (inMemory.Count > 0)
        {
            parts.Add("In memory for this conversation only, dropped 12 hours after your last message:\n\n" + Bullets(inMemory));
        }

        if (stored is null)
        {
            parts.Add("I can't reach my storage right now, so I can't show what is saved there. Please ask again later.");
        }
        else if (stored.Count > 0)
        {
            parts.Add($"Stored because you agreed, and deleted {RetentionDays} days after your last message:\n\n" + Bullets(stored));
        }

        var text = parts.Count == 0
            ? "I'm not holding anything about you right now. I never store what you type."
            : string.Join("\n\n", parts) + "\n\nI never store what you type. Say \"forget me\" to delete all of it now.";
        return composer.Finish(ReplyKind.Privacy, text, parts.Count == 0 ? ReplyComposer.StarterQuestions : ["Forget me"]);
    }

    public BotReply ConfirmForget() =>
        composer.Finish(ReplyKind.Privacy, "Do you want me to forget everything I hold about you? This cannot be undone. Questions and crisis help keep working either way.", [ForgetYes, ForgetNo]);

    public BotReply Forgotten() =>
        composer.Finish(ReplyKind.Privacy, "Done: I have deleted everything I held about you. You can keep asking questions as before.", ReplyComposer.StarterQuestions);

    /// <summary>"Forget me" while storage is down: memory is cleared at once, the stored part as soon as storage is back.</summary>
    public BotReply ForgetPending() =>
        composer.Finish(ReplyKind.Privacy,
            "I have cleared what I held in memory for this conversation. I can't reach my storage right now, so what is stored there "
            + "is not deleted yet: I will keep trying and delete it as soon as storage is back, and I won't store anything new for you "
            + "before that. You can say \"forget me\" again later to check.",
            ReplyComposer.StarterQuestions);

    public BotReply ForgetCancelled() =>
        composer.Finish(ReplyKind.Privacy, "Nothing was deleted. Say \"forget me\" whenever you want me to forget.", ReplyComposer.StarterQuestions);

    /// <summary>The consent question, the first time remembering a country would store something.</summary>
    public BotReply AskToRememberCountry(string country) =>
        composer.Finish(ReplyKind.Privacy,
            $"I'll use {country} for helplines for the rest of this conversation. Shall I also remember it for next time?\n\n"
            + $"To do that I would store three things: your country, that you agreed, and the date of your last message. Never what you "
            + $"write. It is deleted {RetentionDays} days after your last message, or whenever you say \"forget me\". "
            + "Saying no changes nothing else: questions and crisis help work the same.",
            [ConsentYes, ConsentNo]);

    public BotReply CountryRemembered(string country) =>
        composer.Finish(ReplyKind.Privacy,
            $"Saved: I'll use {country} for helplines, now and next time. Say \"what do you know about me\" to see what I keep, or \"forget me\" to delete it.",
            ReplyComposer.StarterQuestions);

    public BotReply CountryNotRemembered(string country) =>
        composer.Finish(ReplyKind.Privacy,
            $"OK, I won't store anything. I'll use {country} for this conversation only.", ReplyComposer.StarterQuestions);

    public BotReply CannotStoreNow(string country) =>
        composer.Finish(ReplyKind.Privacy,
            $"I can't save anything right now because my storage is unavailable, so nothing was stored. I'll still use {country} "
            + "for this conversation; please ask me again later. Questions and crisis help work as usual.",
            ReplyComposer.StarterQuestions);

    private static string Bullets(IEnumerable<string> facts) => string.Join('\n', facts.Select(f => $"- {f}"));
}
