using System.ComponentModel.DataAnnotations;

namespace WellbeingBot.Knowledge;

public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>Folder holding passages/, notes/ and synonyms.txt; empty means the copy deployed beside the app.</summary>
    public string Path { get; set; } = "";

    /// <summary>Lowest BM25 score of the best passage that may be given as an answer.</summary>
    [Range(0.0, 1000.0)]
    public double MinScore { get; set; } = 0.5;

    /// <summary>
    /// When the question names the subject (ketamine, Spravato), the share of its other words the passage must contain...
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinTopicalCoverage { get; set; } = 0.25;

    /// <summary>...or how close it must be to one of the passage's phrasings.</summary>
    [Range(0.0, 1.0)]
    public double MinTopicalPhrasing { get; set; } = 0.35;

    /// <summary>
    /// When it does not ("can I drive afterwards?"), it could be about anything, so the passage must contain this share of it...
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinCoverage { get; set; } = 0.7;

    /// <summary>...or be this close to one of its phrasings.</summary>
    [Range(0.0, 1.0)]
    public double MinPhrasing { get; set; } = 0.75;

    /// <summary>Relative lead the best passage needs over the runner-up; below it the bot offers both instead of guessing.</summary>
    [Range(0.0, 1.0)]
    public double MinMargin { get; set; } = 0.01;

    /// <summary>A lead over the runner-up that makes a question about the subject clear even when it covers little of it.</summary>
    [Range(0.0, 1.0)]
    public double ClearLead { get; set; } = 0.25;

    public string ResolvePath() =>
        string.IsNullOrWhiteSpace(Path) ? System.IO.Path.Combine(AppContext.BaseDirectory, "knowledge") : System.IO.Path.GetFullPath(Path);
}
