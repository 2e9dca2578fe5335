using System.Globalization;

namespace WellbeingBot.Knowledge;

/// <summary>A Markdown file split into its YAML front matter and its body, remembering where each starts.</summary>
public sealed record FrontMatterDocument(string File, string Yaml, int YamlFirstLine, string Body, int BodyFirstLine)
{
    private const string Fence = "---";

    public static FrontMatterDocument Parse(string file, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != Fence)
        {
            throw new KnowledgeFormatException(file, 1, "the file must start with a '---' line opening the YAML front matter");
        }

        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == Fence);
        if (close < 0)
        {
            throw new KnowledgeFormatException(file, lines.Length, "the front matter is never closed with a '---' line");
        }

        var yaml = string.Join('\n', lines[1..close]);
        var body = string.Join('\n', lines[(close + 1)..]).Trim();
        return new FrontMatterDocument(file, yaml, 2, body, close + 2);
    }

    /// <summary>The date of the last clinical review; every reviewed file needs one, as yyyy-mm-dd.</summary>
    public DateOnly ParseReviewed(string? raw) =>
        DateOnly.TryParseExact(raw?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var reviewed)
            ? reviewed
            : throw new KnowledgeFormatException(File, LineOf("reviewed"), "reviewed must be the date of the last clinical review, as yyyy-mm-dd");

    /// <summary>The value of a top-level key written on one line, or null.</summary>
    public string? ScalarOf(string key) =>
        Yaml.Split('\n').FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal))?[(key.Length + 1)..].Trim();

    /// <summary>The line of a top-level key, so validation errors point at it; the opening fence when the key is missing.</summary>
    public int LineOf(string key)
    {
        var lines = Yaml.Split('\n');
        var index = Array.FindIndex(lines, l => l.StartsWith(key + ":", StringComparison.Ordinal));
        return index < 0 ? 1 : YamlFirstLine + index;
    }
}
