using System.Text;

namespace WellbeingBot.Bot;

/// <summary>Makes any user text safe to analyse: control characters out, white space folded, length bounded.</summary>
public static class InputText
{
    // Far beyond any question; a pasted document is cut here rather than slowing every later step.
    public const int MaxLength = 20_000;

    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var span = text.AsSpan(0, Math.Min(text.Length, MaxLength));
        var clean = new StringBuilder(span.Length);
        var lastWasSpace = true;
        foreach (var c in span)
        {
            var space = char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;
            if (space)
            {
                if (!lastWasSpace)
                {
                    clean.Append(' ');
                }
            }
            else
            {
                clean.Append(c);
            }

            lastWasSpace = space;
        }

        return clean.ToString().Trim();
    }
}
