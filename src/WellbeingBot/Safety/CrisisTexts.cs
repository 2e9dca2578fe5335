using System.Text.RegularExpressions;
using WellbeingBot.Knowledge;

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

    public static CrisisTexts LoadFolder(string folder) =>
        Parse(Path.Combine(folder, FileName), ReviewedYaml.Read(folder, FileName, "the crisis replies"));

    public static CrisisTexts Parse(string file, string text)
    {
        var (raw, source) = ReviewedYaml.Parse<RepliesFile>(file, text);
        var reviewed = source.Reviewed(raw.Reviewed);
        int LineOf(string needle) => source.LineOf(needle);

        var languages = (raw.Languages ?? []).ToDictionary(
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

    // A mutable shape only for YamlDotNet, which rejects unknown keys; the texts themselves are dictionary entries.
    private sealed class RepliesFile
    {
        public string? Reviewed { get; set; }
        public Dictionary<string, Dictionary<string, string?>?>? Languages { get; set; }
    }
}
