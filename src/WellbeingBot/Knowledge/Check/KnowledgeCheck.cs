using WellbeingBot.Safety;

namespace WellbeingBot.Knowledge.Check;

/// <summary>
/// <c>knowledge check</c>: validates every file under <c>knowledge/</c> with the same loaders the bot starts with, lists every
/// problem at once (not just the first), and prints the coverage report reviewers work from: passages per topic, passages due
/// for review, and the questions the bot could not answer, counted by nearest topic.
/// </summary>
public static class KnowledgeCheck
{
    /// <returns>0 when the knowledge base is valid, 1 when anything would stop the bot or leaves a topic empty.</returns>
    public static int Run(string folder, string curationFolder, DateOnly today, TextWriter output)
    {
        var problems = new List<KnowledgeProblem>();
        var files = new List<(string Name, string Summary)>();
        output.WriteLine($"Knowledge check of {folder} on {today:yyyy-MM-dd}");

        var topics = Try(problems, () => TopicCatalog.Load(folder));
        files.Add((TopicCatalog.FileName, topics is null ? "INVALID" : $"{topics.Topics.Count} topics, review every {topics.ReviewEveryDays} days"));

        var (passages, passageProblems) = PassageLoader.Check(Path.Combine(folder, "passages"), topics ?? PermissiveTopics());
        problems.AddRange(topics is null ? passageProblems.Where(p => !p.Message.StartsWith("topic ", StringComparison.Ordinal)) : passageProblems);
        files.Add(("passages/", $"{passages.Count} passages, {passageProblems.Count} problems"));

        var notes = Try(problems, () => Notes.LoadFolder(Path.Combine(folder, "notes")));
        files.Add(("notes/", notes is null ? "INVALID" : "caution, seek-help and welcome"));

        var synonymsFile = Path.Combine(folder, "synonyms.txt");
        var synonyms = File.Exists(synonymsFile) ? Try(problems, () => KnowledgeAnalyzer.LoadSynonyms(synonymsFile)) : null;
        files.Add(("synonyms.txt", !File.Exists(synonymsFile) ? "absent (optional)" : synonyms is null ? "INVALID" : "loaded"));
        if (passages.Count > 0)
        {
            // Building the index is what the bot does at start; it must succeed on what was read.
            Try(problems, () => new KnowledgeIndex(passages, new KnowledgeAnalyzer(synonyms), otherSubjects: KnowledgeBase.OtherSubjects(folder), topics: topics?.Topics))?.Dispose();
        }

        var safety = Path.Combine(folder, "safety");
        var rules = Try(problems, () => SafetyRulesLoader.LoadFolder(safety));
        files.Add(("safety/crisis-patterns.yaml", rules is null ? "INVALID" : $"{rules.Rules.Count} rules"));
        var texts = Try(problems, () => CrisisTexts.LoadFolder(safety));
        files.Add(("safety/replies.yaml", texts is null ? "INVALID" : $"languages {string.Join(", ", texts.Languages.Order(StringComparer.Ordinal))}"));
        var helplines = Try(problems, () => CrisisDirectoryLoader.LoadFolder(Path.Combine(folder, "crisis")));
        files.Add(("crisis/helplines.yaml", helplines is null ? "INVALID" : $"{helplines.Countries.Count} countries"));

        var meditationFolder = Path.Combine(folder, Meditation.MeditationLoader.FolderName);
        var (sessions, sessionProblems) = Meditation.MeditationLoader.Check(meditationFolder);
        problems.AddRange(sessionProblems);
        files.Add(("meditations/", $"{sessions.Count} sessions, {sessionProblems.Count} problems"));
        var moods = Try(problems, () => Meditation.MoodWords.Load(meditationFolder));
        files.Add(("meditations/moods.yaml", moods is null ? "INVALID" : "loaded"));
        if (moods is not null && topics is not null)
        {
            problems.AddRange(new Meditation.MeditationCatalog(sessions, moods).Problems(topics));
        }

        Section(output, "Files", files.Select(f => $"{f.Name,-28} {f.Summary}"));
        if (topics is not null)
        {
            var perTopic = topics.Topics.Select(t => (Topic: t, Count: passages.Count(p => p.Topic == t.Key))).ToList();
            Section(output, "Passages per topic", perTopic.Select(t => $"{t.Topic.Key,-22} {t.Count,3}  {t.Topic.Name}"));
            problems.AddRange(perTopic.Where(t => t.Count == 0)
                .Select(t => new KnowledgeProblem(Path.Combine(folder, TopicCatalog.FileName), 1, $"topic '{t.Topic.Key}' has no passage")));

            var due = passages
                .Select(p => (Passage: p, Age: today.DayNumber - p.Reviewed.DayNumber))
                .Where(p => p.Age > topics.ReviewEveryDays)
                .OrderByDescending(p => p.Age)
                .ToList();
            Section(output, $"Due for review (last reviewed more than {topics.ReviewEveryDays} days ago)",
                due.Count == 0 ? ["none"] : due.Select(d => $"{d.Passage.Id,-40} reviewed {d.Passage.Reviewed:yyyy-MM-dd} ({d.Age} days ago)"));
        }

        var unanswered = UnansweredQuestions.ReadCounts(curationFolder);
        Section(output, $"Unanswered questions by nearest topic ({Path.Combine(curationFolder, UnansweredQuestions.CountsFileName)})",
            unanswered.Count == 0 ? ["none recorded"] : unanswered.OrderByDescending(u => u.Value).Select(u => $"{u.Key,-22} {u.Value,5}"));

        Section(output, $"Problems ({problems.Count})", problems.Count == 0 ? ["none"] : problems.Select(p => p.ToString()));
        output.WriteLine();
        output.WriteLine(problems.Count == 0 ? "Result: the knowledge base is valid." : $"Result: {problems.Count} problem(s); the bot will not start until they are fixed.");
        return problems.Count == 0 ? 0 : 1;
    }

    private static T? Try<T>(List<KnowledgeProblem> problems, Func<T> load)
        where T : class
    {
        try
        {
            return load();
        }
        catch (KnowledgeFormatException e)
        {
            problems.Add(KnowledgeProblem.From(e));
            return null;
        }
    }

    // Without a valid topics file every topic is accepted, so its absence is reported once rather than once per passage.
    private static TopicCatalog PermissiveTopics() => new([], 365);

    private static void Section(TextWriter output, string title, IEnumerable<string> lines)
    {
        output.WriteLine();
        output.WriteLine(title);
        foreach (var line in lines)
        {
            output.WriteLine("  " + line);
        }
    }
}
