using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace WellbeingBot.Safety;

/// <summary>
/// Brings what people type to one plain form before any pattern looks at it, so patterns are written once: lower case, accents
/// and apostrophes dropped ("don't" and "dont" alike), leetspeak inside words undone ("k1ll"), stretched letters shortened
/// ("diiie"), and everything that is not a letter or digit turned into single spaces.
/// </summary>
public static partial class SafetyText
{
    private static readonly char[] SentenceEnds = ['.', '!', '?', ';', '\n', '\r', '¿', '¡', '…'];

    /// <summary>The sentences of a message, each normalised, empty ones dropped.</summary>
    public static IReadOnlyList<string> Sentences(string text) =>
        DottedLetters().Replace(text, "$1").Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries)
            .Select(Normalize)
            .Where(s => s.Length > 0)
            .ToArray();

    public static string Normalize(string text)
    {
        var folded = Fold(text);
        var result = new StringBuilder(folded.Length);
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (c is '\'' or '’' or '‘' or '`' or '´' or 'ʼ')
            {
                continue;
            }

            c = Unleet(folded, i);
            if (char.IsLetterOrDigit(c))
            {
                result.Append(c);

                // Three or more of the same letter in a row are one letter stretched for emphasis ("diiie", "pleaaase").
                var run = 1;
                while (char.IsLetter(c) && i + run < folded.Length && folded[i + run] == c)
                {
                    run++;
                }

                if (run >= 3)
                {
                    i += run - 1;
                }
            }
            else if (result.Length > 0 && result[^1] != ' ')
            {
                result.Append(' ');
            }
        }

        return result.ToString().Trim();
    }

    private static string Fold(string text)
    {
        var lower = text.ToLowerInvariant().Replace("ß", "ss", StringComparison.Ordinal)
            .Replace("œ", "oe", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal);
        var decomposed = lower.Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    // A digit or symbol standing between letters ("k1ll", "su1c1de", "$uicide") is a letter in disguise; "5 km" and "24/7" are not.
    private static char Unleet(string text, int i)
    {
        var c = text[i];
        var replacement = c switch
        {
            '0' => 'o',
            '1' => 'i',
            '3' => 'e',
            '4' => 'a',
            '5' => 's',
            '7' => 't',
            '@' => 'a',
            '$' => 's',
            _ => c,
        };
        if (replacement == c)
        {
            return c;
        }

        var before = i > 0 && char.IsLetter(text[i - 1]);
        var after = i + 1 < text.Length && char.IsLetter(text[i + 1]);
        return (before && after) || (c is '@' or '$' && after) ? replacement : c;
    }

    // "k.m.s." and "s.h." are words spelled with dots, not four sentences.
    [GeneratedRegex(@"(?<!\p{L})(\p{L})\.(?=\p{L}(?:\.|[^\p{L}]|$))")]
    private static partial Regex DottedLetters();
}
