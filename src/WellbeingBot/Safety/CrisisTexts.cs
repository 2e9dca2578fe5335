using System.Globalization;
using System.Text.RegularExpressions;
using WellbeingBot.Knowledge;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace WellbeingBot.Safety;

/// <summary>
/// The reviewed wording of crisis replies, per language, from <c>knowledge/safety/replies.yaml</c>. A language missing a key
/// or a placeholder is refused at start, so a crisis reply can never come out half-translated.
/// </summary>
public sealed partial class CrisisTexts
{
    public const string FileName = "replies.yaml";
    public const string DefaultLanguage = "en";

    private readonly Dictionary<string, Dictionary<string, string>> languages;

    private CrisisTexts(DateOnly reviewed, Dictionary<string, Dictionary<string, string>> languages)
    {
        Reviewed = reviewed;
        this.languages = languages;
    }

    public DateOnly Reviewed { get; }

    public IReadOnlyCollection<string> Languages => languages.Keys;

    /// <summary>The text of a key in a language, falling back to English for a language the file does not have.</summary>
    public string Get(string? language, string key) =>
        (language is not null && languages.TryGetValue(language, out var texts) ? texts : languages[DefaultLanguage])[key];

    public string Language(string? language) => language is not null && languages.ContainsKey(language) ? language : DefaultLanguage;

    public static CrisisTexts LoadFolder(string folder)
    {
        var file = Path.Combine(folder, FileName);
        return File.Exists(file)
            ? Parse(file, File.ReadAllText(file))
            : throw new KnowledgeFormatException(file, 0, "the crisis replies are required and the file is missing");
    }

    public static CrisisTexts Parse(string file, string text)
    {
        RepliesFile raw;
        try
        {
            raw = new DeserializerBuilder().Build().Deserialize<RepliesFile?>(text) ?? new RepliesFile();
        }
        catch (YamlException e)
        {
            throw new KnowledgeFormatException(file, (int)e.Start.Line, $"invalid YAML: {e.InnerException?.Message ?? e.Message}");
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int LineOf(string needle) => Math.Max(1, Array.FindIndex(lines, l => l.Contains(needle, StringComparison.Ordinal)) + 1);

        if (!DateOnly.TryParseExact(raw.reviewed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var reviewed))
        {
            throw new KnowledgeFormatException(file, LineOf("reviewed:"), "reviewed must be the date of the last review, as yyyy-mm-dd");
        }

        var languages = (raw.languages ?? []).ToDictionary(
            l => l.Key,
            l => (l.Value ?? []).ToDictionary(t => t.Key, t => t.Value?.Trim() ?? "", StringComparer.Ordinal),
            StringComparer.Ordinal);
        if (!languages.TryGetValue(DefaultLanguage, out var english))
        {
            throw new KnowledgeFormatException(file, LineOf("languages:"), "the English texts (en) are required");
        }

        foreach (var key in CrisisTextKeys.All.Where(k => !english.ContainsKey(k) || english[k].Length == 0))
        {
            throw new KnowledgeFormatException(file, LineOf("  en:"), $"en is missing the text '{key}'");
        }

        foreach (var (language, texts) in languages)
        {
            foreach (var (key, value) in english)
            {
                if (!texts.TryGetValue(key, out var translated) || translated.Length == 0)
                {
                    throw new KnowledgeFormatException(file, LineOf($"  {language}:"), $"{language} is missing the text '{key}'");
                }

                if (!Placeholders(value).SequenceEqual(Placeholders(translated)))
                {
                    throw new KnowledgeFormatException(file, LineOf(translated), $"{language} '{key}' must use the same placeholders as en");
                }
            }
        }

        return new CrisisTexts(reviewed, languages);
    }

    private static IEnumerable<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\{[a-z]+\}")]
    private static partial Regex PlaceholderPattern();

#pragma warning disable IDE1006, SA1300 // YamlDotNet maps these names to the file's keys.
    private sealed class RepliesFile
    {
        public string? reviewed { get; set; }
        public Dictionary<string, Dictionary<string, string?>?>? languages { get; set; }
    }
#pragma warning restore IDE1006, SA1300
}
