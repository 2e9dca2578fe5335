using System.Text.RegularExpressions;
using WellbeingBot.State;

namespace WellbeingBot.Bot;

/// <summary>"What do you know about me" in plain words, and the answers to the "forget me" and consent questions.</summary>
public static partial class PrivacyCommands
{
    /// <summary>Everything the conversation memory holds about the person, one plain sentence each.</summary>
    public static IReadOnlyList<string> Facts(ConversationMemory memory, Func<string, string?> passageTitle, Func<string, string> countryName)
    {
        var facts = new List<string>();
        if (memory.DistressShown)
        {
            facts.Add("that earlier you mentioned feeling unsafe or very low, so I can check in with you");
        }

        if (memory.Stage != CrisisStage.None)
        {
            facts.Add("that I am checking in with you after a message about your safety");
        }

        if (memory.CountryCode is { } country)
        {
            facts.Add($"the country you named ({countryName(country)}), so I give the right helplines");
        }

        if (memory.AskedForCountry)
        {
            facts.Add("that I asked which country you are in");
        }

        if (memory.Language is { } language)
        {
            facts.Add($"the language I use for safety messages ({language})");
        }

        if (memory.PendingConsent is { } pending)
        {
            facts.Add(pending.Purpose == ConsentPurpose.Country
                ? $"that I asked whether to remember {countryName(pending.Value)} for next time, and am waiting for your answer"
                : "that I asked whether to keep count of your meditation sessions, and am waiting for your answer");
        }

        if (memory.Meditation is { } meditation)
        {
            facts.Add($"where you are in a guided meditation (step {meditation.Step + 1}{(meditation.Paused ? ", paused" : "")}), so you can carry on");
        }

        if (memory.Mood is { } mood)
        {
            facts.Add($"the kind of meditation that fits what you said ({mood.Replace('-', ' ')}), so I suggest fitting sessions");
        }

        if (memory.ProgressDeclined)
        {
            facts.Add("that you'd rather I didn't keep count of your meditation sessions");
        }

        if (memory.LastAnswer is { } last)
        {
            facts.Add($"the last answer I gave you, \u201c{passageTitle(last.PassageId) ?? last.PassageId}\u201d, so \u201ctell me more\u201d works");
        }

        return facts;
    }

    /// <summary>Everything stored with the person's consent, one plain sentence each.</summary>
    public static IReadOnlyList<string> Facts(UserProfile profile, Func<string, string> countryName) =>
    [
        $"that you agreed on {Day(profile.ConsentedAt)} to let me store these things",
        .. profile.CountryCode is { } country ? [$"your country, {countryName(country)}, for helplines"] : Array.Empty<string>(),
        .. profile.Progress is { } p
            ? [$"your meditation count: {p.Sessions} sessions, {p.Minutes} minutes, on {p.Days} days, the last on {Day(new DateTimeOffset(p.LastDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))}"]
            : Array.Empty<string>(),
        .. profile.Meditation is { } place ? [$"where you are in a guided meditation (step {place.Step + 1}), so you can carry on after a break"] : Array.Empty<string>(),
        .. profile.TimeZone is { } zone ? [$"your time zone, {zone}, for reminders{(profile.TimeZoneLocked ? " (you named it)" : "")}"] : Array.Empty<string>(),
        $"the date of your last message ({Day(profile.LastActive)}), so that I delete all of this when it goes unused",
    ];

    private static string Day(DateTimeOffset at) => at.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The answer to "forget everything?": true for a yes, false for a no, null for anything else.</summary>
    public static bool? ForgetAnswer(string text) =>
        Yes().IsMatch(text) || ForgetYes().IsMatch(text) ? true : No().IsMatch(text) || ForgetNo().IsMatch(text) ? false : null;

    /// <summary>The answer to "shall I remember it?": true for a yes, false for a no, null for anything else.</summary>
    public static bool? ConsentAnswer(string text) =>
        Yes().IsMatch(text) || ConsentYes().IsMatch(text) ? true : No().IsMatch(text) || ConsentNo().IsMatch(text) ? false : null;

    [GeneratedRegex(@"^\W*(yes|yeah|yep|yes please|y|ok|okay|sure|please do|do it|confirm|i agree|agreed)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Yes();

    [GeneratedRegex(@"^\W*(no|nope|n|cancel|don'?t|stop|no thanks?|no thank you|not now)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex No();

    [GeneratedRegex(@"^\W*((yes,? )?(delete|erase|forget)( it| me| everything)?)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex ForgetYes();

    [GeneratedRegex(@"^\W*((no,? )?keep( it| everything)?)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex ForgetNo();

    [GeneratedRegex(@"^\W*((yes,? )?(remember|save|store|keep|remind)( it| that| me| my country| count| counting| track)?( please)?)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex ConsentYes();

    [GeneratedRegex(@"^\W*((no,? )?(just|only) (for )?(now|this (conversation|time|chat))|(no,? )?(don'?t|do not) (remember|save|store|keep)( it| that| anything)?)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex ConsentNo();
}
