using System.Text.RegularExpressions;

namespace WellbeingBot.Safety;

/// <summary>One reviewed pattern from <c>knowledge/safety/crisis-patterns.yaml</c>, compiled.</summary>
/// <param name="Id">Names the pattern in tests, logs and metrics, so a reviewer can find the line that fired.</param>
/// <param name="Language">ISO 639-1 code of the language the pattern is written for.</param>
/// <param name="Pattern">The pattern, one regex per top-level alternative so each stays small.</param>
/// <param name="Unless">Guards: when one matches the same sentence, this pattern does not count there (an informational frame).</param>
public sealed record SafetyPattern(string Id, string Language, IReadOnlyList<Regex> Pattern, IReadOnlyList<Regex> Unless)
{
    // A pattern that runs out of time counts as a match and a guard that does as no match: a slow check must fail towards care.
    public bool Matches(string sentence) => Pattern.Any(p => IsMatch(p, sentence, true)) && !Unless.Any(u => IsMatch(u, sentence, false));

    public bool MatchesIgnoringGuards(string sentence) => Pattern.Any(p => IsMatch(p, sentence, false));

    /// <summary>Matches, with each regex run once: did the pattern fire, or match only where a guard held it back?</summary>
    public PatternOutcome Evaluate(string sentence) =>
        !Pattern.Any(p => IsMatch(p, sentence, true)) ? PatternOutcome.None
        : Unless.Any(u => IsMatch(u, sentence, false)) ? PatternOutcome.Guarded
        : PatternOutcome.Fires;

    public string Replace(string sentence, string replacement)
    {
        foreach (var part in Pattern)
        {
            try
            {
                sentence = part.Replace(sentence, replacement);
            }
            catch (RegexMatchTimeoutException)
            {
                // Leaving a harmless phrase unmasked can only make a rule fire, never stop one.
            }
        }

        return sentence;
    }

    private static bool IsMatch(Regex regex, string sentence, bool onTimeout)
    {
        try
        {
            return regex.IsMatch(sentence);
        }
        catch (RegexMatchTimeoutException)
        {
            return onTimeout;
        }
    }
}

/// <summary>What a pattern made of one sentence; ordered so the strongest outcome over a message's sentences is the largest.</summary>
public enum PatternOutcome
{
    None,

    /// <summary>A crisis word in an informational or figurative frame that a guard held back.</summary>
    Guarded,

    Fires,
}

/// <summary>A pattern that, on its own, makes a message a crisis of one category.</summary>
public sealed record CrisisRule(SafetyPattern Pattern, CrisisCategory Category);
