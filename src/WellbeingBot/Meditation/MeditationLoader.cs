using System.Text.RegularExpressions;
using WellbeingBot.Knowledge;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace WellbeingBot.Meditation;

/// <summary>
/// Reads and checks every session in <c>knowledge/meditations/</c>, the way passages are checked: every problem names its file
/// and line, and one bad file stops the start.
/// </summary>
public static partial class MeditationLoader
{
    public const string FolderName = "meditations";

    private const int MinSteps = 3;
    private const int MaxSteps = 12;
    private const int MaxStepLength = 350;
    private const double DurationTolerance = 0.2;

    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    public static IReadOnlyList<MeditationSession> LoadFolder(string folder)
    {
        var (sessions, problems) = Check(folder);
        if (problems.Count > 0)
        {
            var first = problems[0];
            var more = problems.Count > 1 ? $" (and {problems.Count - 1} more; 'knowledge check' lists them all)" : "";
            throw new KnowledgeFormatException(first.File, first.Line, first.Message + more);
        }

        return sessions;
    }

    public static (IReadOnlyList<MeditationSession> Sessions, IReadOnlyList<KnowledgeProblem> Problems) Check(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return ([], [new KnowledgeProblem(folder, 0, "the meditations folder does not exist")]);
        }

        var sessions = new List<MeditationSession>();
        var problems = new List<KnowledgeProblem>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            try
            {
                var session = Parse(file, File.ReadAllText(file));
                if (sessions.Any(s => s.Id == session.Id))
                {
                    problems.Add(new KnowledgeProblem(file, 2, $"the id '{session.Id}' is used by another session"));
                }

                sessions.Add(session);
            }
            catch (KnowledgeFormatException e)
            {
                problems.Add(KnowledgeProblem.From(e));
            }
        }

        if (sessions.Count == 0 && problems.Count == 0)
        {
            problems.Add(new KnowledgeProblem(folder, 0, "the meditations folder holds no .md files"));
        }

        return (sessions, problems);
    }

    public static MeditationSession Parse(string file, string text)
    {
        var doc = FrontMatterDocument.Parse(file, text);
        FrontMatter fm;
        try
        {
            fm = Yaml.Deserialize<FrontMatter?>(doc.Yaml) ?? new FrontMatter();
        }
        catch (YamlException e)
        {
            throw new KnowledgeFormatException(file, doc.YamlFirstLine + (int)e.Start.Line - 1, $"invalid front matter: {e.InnerException?.Message ?? e.Message}");
        }

        var id = Required(doc, "id", fm.Id);
        if (id != Path.GetFileNameWithoutExtension(file))
        {
            throw new KnowledgeFormatException(file, doc.LineOf("id"), $"the id '{id}' must equal the file name");
        }

        if (fm.Minutes is not (>= 1 and <= 30))
        {
            throw new KnowledgeFormatException(file, doc.LineOf("minutes"), "minutes must be a whole number from 1 to 30");
        }

        var focus = (fm.Focus ?? []).Select(f => f?.Trim() ?? "").ToArray();
        var unknown = focus.FirstOrDefault(f => !MeditationSession.Foci.Contains(f));
        if (focus.Length == 0 || unknown is not null)
        {
            throw new KnowledgeFormatException(file, doc.LineOf("focus"),
                $"focus must list one or more of: {string.Join(", ", MeditationSession.Foci)}{(unknown is null ? "" : $" ('{unknown}' is not one)")}");
        }

        var steps = Steps(doc);
        var seconds = steps.Sum(s => s.Seconds);
        var planned = fm.Minutes.Value * 60;
        if (Math.Abs(seconds - planned) > planned * DurationTolerance)
        {
            throw new KnowledgeFormatException(file, doc.LineOf("minutes"), $"the steps take {seconds} s, more than 20% away from {fm.Minutes} minutes");
        }

        return new MeditationSession(id, Required(doc, "title", fm.Title), fm.Minutes.Value, focus, Required(doc, "summary", fm.Summary), steps, doc.ParseReviewed(fm.Reviewed));
    }

    private static List<MeditationStep> Steps(FrontMatterDocument doc)
    {
        var steps = new List<MeditationStep>();
        var lines = doc.Body.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var lineNumber = doc.BodyFirstLine + i;
            var match = StepLine().Match(line);
            if (!match.Success)
            {
                throw new KnowledgeFormatException(doc.File, lineNumber, "every line of the body must be a step: 'N. (Ss) What to do.'");
            }

            if (int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) != steps.Count + 1)
            {
                throw new KnowledgeFormatException(doc.File, lineNumber, $"steps must be numbered 1, 2, 3 … (expected {steps.Count + 1})");
            }

            var seconds = int.Parse(match.Groups["s"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var text = match.Groups["text"].Value.Trim();
            if (seconds is < 5 or > 300 || text.Length > MaxStepLength)
            {
                throw new KnowledgeFormatException(doc.File, lineNumber, $"a step lasts 5 to 300 seconds and holds at most {MaxStepLength} characters");
            }

            steps.Add(new MeditationStep(text, seconds));
        }

        return steps.Count is >= MinSteps and <= MaxSteps
            ? steps
            : throw new KnowledgeFormatException(doc.File, doc.BodyFirstLine, $"a session has {MinSteps} to {MaxSteps} steps");
    }

    private static string Required(FrontMatterDocument doc, string key, string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw new KnowledgeFormatException(doc.File, doc.LineOf(key), $"{key} is required") : value.Trim();

    [GeneratedRegex(@"^(?<n>\d+)\.\s+\((?<s>\d+)\s*s\)\s+(?<text>\S.*)$")]
    private static partial Regex StepLine();

    // Mutable only for YamlDotNet, which rejects unknown keys.
    private sealed class FrontMatter
    {
        public string? Id { get; set; }
        public string? Title { get; set; }
        public int? Minutes { get; set; }
        public List<string?>? Focus { get; set; }
        public string? Summary { get; set; }
        public string? Reviewed { get; set; }
    }
}
