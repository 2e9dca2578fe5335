using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace WellbeingBot.Knowledge;

/// <summary>Reads and validates every passage; one bad file stops the start, because a silently missing answer is worse.</summary>
public static partial class PassageLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private const int MinQuestions = 3;
    private const int MaxQuestions = 8;

    /// <summary>Loads every passage, or stops at the first problem (the bot must not start on a knowledge base with holes).</summary>
    public static IReadOnlyList<Passage> LoadFolder(string folder, TopicCatalog topics)
    {
        var (passages, problems) = Check(folder, topics);
        if (problems.Count > 0)
        {
            var first = problems[0];
            var more = problems.Count > 1 ? $" (and {problems.Count - 1} more; 'knowledge check' lists them all)" : "";
            throw new KnowledgeFormatException(first.File, first.Line, first.Message + more);
        }

        return passages;
    }

    /// <summary>Reads every passage and lists every problem, so a reviewer fixes them in one pass.</summary>
    public static (IReadOnlyList<Passage> Passages, IReadOnlyList<KnowledgeProblem> Problems) Check(string folder, TopicCatalog topics)
    {
        if (!Directory.Exists(folder))
        {
            return ([], [new KnowledgeProblem(folder, 0, "the passages folder does not exist")]);
        }

        var passages = new List<Passage>();
        var problems = new List<KnowledgeProblem>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.md", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            try
            {
                var passage = Parse(file, File.ReadAllText(file));
                passages.Add(passage);
                problems.AddRange(PassageRules.Check(passage, topics));
            }
            catch (KnowledgeFormatException e)
            {
                problems.Add(KnowledgeProblem.From(e));
            }
        }

        if (passages.Count == 0 && problems.Count == 0)
        {
            problems.Add(new KnowledgeProblem(folder, 0, "the passages folder holds no .md files"));
        }

        problems.AddRange(PassageRules.CheckAcross(passages));
        return (passages, problems);
    }

    public static Passage Parse(string file, string text)
    {
        var doc = FrontMatterDocument.Parse(file, text);
        PassageFrontMatter fm;
        try
        {
            fm = Yaml.Deserialize<PassageFrontMatter?>(doc.Yaml) ?? new PassageFrontMatter();
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new KnowledgeFormatException(file, doc.YamlFirstLine + (int)e.Start.Line - 1, $"invalid front matter: {reason}");
        }

        var id = Required(doc, "id", fm.Id);
        if (!IdPattern().IsMatch(id))
        {
            throw new KnowledgeFormatException(file, doc.LineOf("id"), "id must be lower-case words joined by hyphens");
        }

        if (!string.Equals(id, Path.GetFileNameWithoutExtension(file), StringComparison.Ordinal))
        {
            throw new KnowledgeFormatException(file, doc.LineOf("id"), $"id '{id}' must match the file name");
        }

        var questions = (fm.Questions ?? []).Select(q => q?.Trim() ?? "").ToList();
        if (questions.Count is < MinQuestions or > MaxQuestions || questions.Any(q => q.Length == 0))
        {
            throw new KnowledgeFormatException(
                file, doc.LineOf("questions"), $"questions must list {MinQuestions} to {MaxQuestions} non-empty alternate phrasings (found {questions.Count})");
        }

        var sources = ParseSources(doc, fm.Sources);
        var reviewed = doc.ParseReviewed(fm.Reviewed);
        if (doc.Body.Length == 0)
        {
            throw new KnowledgeFormatException(file, doc.BodyFirstLine, "the passage has no body text");
        }

        return new Passage(id, Required(doc, "title", fm.Title), Required(doc, "topic", fm.Topic), questions, sources, reviewed, doc.Body, file);
    }

    private static List<PassageSource> ParseSources(FrontMatterDocument doc, List<SourceFrontMatter?>? raw)
    {
        if (raw is null || raw.Count == 0)
        {
            throw new KnowledgeFormatException(doc.File, doc.LineOf("sources"), "sources must name at least one original publisher");
        }

        var sources = new List<PassageSource>();
        foreach (var s in raw)
        {
            if (s is null || string.IsNullOrWhiteSpace(s.Title))
            {
                throw new KnowledgeFormatException(doc.File, doc.LineOf("sources"), "every source needs a title");
            }

            if (!Uri.TryCreate(s.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                throw new KnowledgeFormatException(doc.File, doc.LineOf("sources"), $"source '{s.Title}' needs an absolute http(s) url");
            }

            sources.Add(new PassageSource(s.Title.Trim(), url));
        }

        return sources;
    }

    private static string Required(FrontMatterDocument doc, string key, string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new KnowledgeFormatException(doc.File, doc.LineOf(key), $"'{key}' is required")
            : value.Trim();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    // Mutable shapes only for YamlDotNet; unknown keys are rejected by it, which catches typos such as 'sources' spelled 'source'.
    private sealed class PassageFrontMatter
    {
        public string? Id { get; set; }
        public string? Title { get; set; }
        public string? Topic { get; set; }
        public List<string?>? Questions { get; set; }
        public List<SourceFrontMatter?>? Sources { get; set; }
        public string? Reviewed { get; set; }
    }

    private sealed class SourceFrontMatter
    {
        public string? Title { get; set; }
        public string? Url { get; set; }
    }
}
