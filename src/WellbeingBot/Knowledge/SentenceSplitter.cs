using System.Text.RegularExpressions;

namespace WellbeingBot.Knowledge;

/// <summary>Splits passage prose into sentences without breaking on "e.g.", "Dr." or decimal numbers.</summary>
public static partial class SentenceSplitter
{
    private static readonly string[] Abbreviations = ["e.g.", "i.e.", "vs.", "Dr.", "al.", "approx.", "St.", "Mr.", "Ms.", "No."];

    public static IReadOnlyList<IReadOnlyList<string>> SplitParagraphs(string body) =>
        ParagraphBreak().Split(body.Trim())
            .Select(p => WhiteSpace().Replace(p, " ").Trim())
            .Where(p => p.Length > 0)
            .Select(p => (IReadOnlyList<string>)Split(p))
            .ToArray();

    public static List<string> Split(string paragraph)
    {
        var sentences = new List<string>();
        var start = 0;
        foreach (Match boundary in Boundary().Matches(paragraph))
        {
            var candidate = paragraph[start..boundary.Index];
            if (Abbreviations.Any(a => candidate.EndsWith(a, StringComparison.Ordinal)))
            {
                continue;
            }

            sentences.Add(candidate.Trim());
            start = boundary.Index + boundary.Length;
        }

        var rest = paragraph[start..].Trim();
        if (rest.Length > 0)
        {
            sentences.Add(rest);
        }

        return sentences;
    }

    // A sentence ends at . ! or ? (optionally followed by a closing quote or bracket) before white space and a capital, digit or quote.
    [GeneratedRegex("""(?<=[.!?]["')\]]?)\s+(?=["'(\[]?[A-Z0-9])""")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"\r?\n\s*\r?\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
