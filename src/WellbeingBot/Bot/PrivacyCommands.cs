using System.Text.RegularExpressions;
using WellbeingBot.State;

namespace WellbeingBot.Bot;

/// <summary>"What do you know about me" in plain words, and the answer to "forget me"'s confirmation.</summary>
public static partial class PrivacyCommands
{
    /// <summary>Everything the conversation memory holds about the person, one plain sentence each.</summary>
    public static IReadOnlyList<string> Facts(ConversationMemory memory, Func<string, string?> passageTitle)
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
            facts.Add($"the country you named ({country}), so I give the right helplines");
        }

        if (memory.AskedForCountry)
        {
            facts.Add("that I asked which country you are in");
        }

        if (memory.Language is { } language)
        {
            facts.Add($"the language I use for safety messages ({language})");
        }

        if (memory.LastAnswer is { } last)
        {
            facts.Add($"the last answer I gave you, \u201c{passageTitle(last.PassageId) ?? last.PassageId}\u201d, so \u201ctell me more\u201d works");
        }

        return facts;
    }

    /// <returns>True for a yes, false for a no, null for anything else.</returns>
    public static bool? Confirmation(string text) =>
        Yes().IsMatch(text) ? true : No().IsMatch(text) ? false : null;

    [GeneratedRegex(@"^\W*(yes|yeah|yep|y|ok|okay|sure|please do|do it|delete( it)?|forget( me)?|yes,? forget me|confirm)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Yes();

    [GeneratedRegex(@"^\W*(no|nope|n|cancel|keep( it)?|no,? keep it|don'?t|stop)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex No();
}
