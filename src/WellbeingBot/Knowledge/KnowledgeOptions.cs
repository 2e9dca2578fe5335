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

    /// <summary>...with this share of it in the passage's title and alternate questions, or be this close to one phrasing:</summary>
    [Range(0.0, 1.0)]
    public double MinPhrasingCoverage { get; set; } = 0.5;

    [Range(0.0, 1.0)]
    public double MinPhrasing { get; set; } = 0.75;

    /// <summary>
    /// When the runner-up is within this relative distance of the best passage and is itself a fair match, the answer offers
    /// it as "did you mean".
    /// </summary>
    [Range(0.0, 1.0)]
    public double AlternativeMargin { get; set; } = 0.15;

    /// <summary>How long the subject of an answer carries over to a follow-up that names none ("and how long does it last?").</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan FollowUpWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A lead over the runner-up that makes a question about the subject clear even when it covers little of it.</summary>
    [Range(0.0, 1.0)]
    public double ClearLead { get; set; } = 0.25;

    /// <summary>Folder for the curation loop's files (unanswered-question counts); relative paths start at the content root.</summary>
    public string CurationFolder { get; set; } = "data/curation";

    /// <summary>
    /// Also keep the text of unanswered questions, for reviewers. Off by default: questions can hold personal details, so an
    /// operator turns this on only with a reason and a retention plan. Messages that showed distress are never kept.
    /// </summary>
    public bool RecordUnansweredText { get; set; }

    public string ResolveCurationFolder(string contentRoot) => System.IO.Path.GetFullPath(CurationFolder, contentRoot);

    public string ResolvePath() =>
        string.IsNullOrWhiteSpace(Path) ? System.IO.Path.Combine(AppContext.BaseDirectory, "knowledge") : System.IO.Path.GetFullPath(Path);
}
