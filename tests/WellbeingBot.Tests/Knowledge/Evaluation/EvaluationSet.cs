namespace WellbeingBot.Tests.Knowledge.Evaluation;

/// <param name="Expected">The passage id that answers it, or null for a question the bot must decline.</param>
public sealed record EvaluationQuestion(string? Expected, string Question, string Split);

/// <summary>
/// Questions written independently of the passages. "dev" may be looked at while tuning; "frozen" is never tuned on and
/// tells whether the tuning generalises.
/// </summary>
public static class EvaluationSet
{
    public static IReadOnlyList<EvaluationQuestion> Load(string split)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Knowledge", "Evaluation", $"questions.{split}.tsv");
        return File.ReadLines(file)
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(f => new EvaluationQuestion(f[0] == "-" ? null : f[0], f[1], split))
            .ToArray();
    }

    public static IReadOnlyList<EvaluationQuestion> All() => [.. Load("dev"), .. Load("frozen")];
}
