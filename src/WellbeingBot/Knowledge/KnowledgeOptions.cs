using System.ComponentModel.DataAnnotations;

namespace WellbeingBot.Knowledge;

public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>Folder holding passages/, notes/ and synonyms.txt; empty means the copy deployed beside the app.</summary>
    public string Path { get; set; } = "";

    /// <summary>Lowest BM25 score of the best passage that may be given as an answer.</summary>
    [Range(0.0, 1000.0)]
    public double MinScore { get; set; } = 2.0;

    /// <summary>Share of the question's weighted words the best passage must contain; keeps off-topic questions from a wrong answer.</summary>
    [Range(0.0, 1.0)]
    public double MinCoverage { get; set; } = 0.6;

    /// <summary>Relative lead the best passage needs over the runner-up; below it the bot offers both instead of guessing.</summary>
    [Range(0.0, 1.0)]
    public double MinMargin { get; set; }

    public string ResolvePath() =>
        string.IsNullOrWhiteSpace(Path) ? System.IO.Path.Combine(AppContext.BaseDirectory, "knowledge") : System.IO.Path.GetFullPath(Path);
}
