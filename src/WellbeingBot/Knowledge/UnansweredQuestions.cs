using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace WellbeingBot.Knowledge;

/// <summary>
/// The curation loop: questions the bot could not answer, counted by the topic they came closest to (or "none"), so reviewers
/// see where the knowledge base is thin. Only counts are kept; the question text is written only when the operator turns
/// <see cref="KnowledgeOptions.RecordUnansweredText"/> on, and never for a message that showed distress. Failing to write a
/// count is logged and never reaches the user.
/// </summary>
public sealed partial class UnansweredQuestions : IDisposable
{
    public const string MeterName = "WellbeingBot.Knowledge";
    public const string CountsFileName = "unanswered-by-topic.json";
    public const string TextFileName = "unanswered-questions.tsv";
    public const string NoTopic = "none";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    // Written at most this often, and at shutdown: a file rewrite per unanswered question queued every turn behind one lock.
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(2);

    private readonly Lock gate = new();
    private readonly Lock writing = new();
    private readonly List<string> pendingLines = [];
    private readonly ITimer flushTimer;
    private bool dirty;
    private readonly Counter<long> counter;
    private readonly KnowledgeOptions options;
    private readonly string folder;
    private readonly TimeProvider time;
    private readonly ILogger<UnansweredQuestions> logger;
    private readonly SortedDictionary<string, long> counts;

    public UnansweredQuestions(IOptions<KnowledgeOptions> options, IHostEnvironment environment, TimeProvider time, IMeterFactory meters, ILogger<UnansweredQuestions> logger)
    {
        this.options = options.Value;
        folder = this.options.ResolveCurationFolder(environment.ContentRootPath);
        this.time = time;
        this.logger = logger;
        counter = meters.Create(MeterName).CreateCounter<long>("wellbeingbot.knowledge.unanswered", unit: "{question}", description: "Questions the knowledge base could not answer, by nearest topic");
        counts = ReadCounts(folder);
        flushTimer = time.CreateTimer(_ => Flush(), null, FlushEvery, FlushEvery);
    }

    public IReadOnlyDictionary<string, long> Counts
    {
        get
        {
            lock (gate)
            {
                return new SortedDictionary<string, long>(counts, StringComparer.Ordinal);
            }
        }
    }

    /// <param name="mayKeepText">False when the message showed distress: such words are never written anywhere.</param>
    public void Record(NoReliableAnswer unanswered, string question, bool mayKeepText)
    {
        var topic = unanswered.Closest.Count > 0 ? unanswered.Closest[0].Topic : NoTopic;
        counter.Add(1, new KeyValuePair<string, object?>("topic", topic));
        lock (gate)
        {
            counts[topic] = counts.GetValueOrDefault(topic) + 1;
            if (options.RecordUnansweredText && mayKeepText)
            {
                pendingLines.Add($"{time.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ}\t{topic}\t{OneLine(question)}\n");
            }

            dirty = true;
        }
    }

    /// <summary>Writes what was recorded since the last write; a failed write is tried again next time, nothing is dropped.</summary>
    public void Flush()
    {
        lock (writing)
        {
            string json;
            string[] lines;
            lock (gate)
            {
                if (!dirty)
                {
                    return;
                }

                json = JsonSerializer.Serialize(counts, Json);
                lines = [.. pendingLines];
                pendingLines.Clear();
                dirty = false;
            }

            try
            {
                Directory.CreateDirectory(folder);
                WriteAtomically(Path.Combine(folder, CountsFileName), json);
                if (lines.Length > 0)
                {
                    File.AppendAllText(Path.Combine(folder, TextFileName), string.Concat(lines));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogNotSaved(logger, folder, e.GetType().Name);
                lock (gate)
                {
                    pendingLines.InsertRange(0, lines);
                    dirty = true;
                }
            }
        }
    }

    public void Dispose()
    {
        flushTimer.Dispose();
        Flush();
    }

    /// <summary>The counts saved in a curation folder, for the knowledge check; empty when none were saved yet.</summary>
    public static SortedDictionary<string, long> ReadCounts(string folder)
    {
        var file = Path.Combine(folder, CountsFileName);
        try
        {
            return File.Exists(file)
                ? new SortedDictionary<string, long>(JsonSerializer.Deserialize<Dictionary<string, long>>(File.ReadAllText(file)) ?? [], StringComparer.Ordinal)
                : new SortedDictionary<string, long>(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            // A damaged counts file must not stop the bot; counting starts again and the old file is kept for inspection.
            File.Move(file, file + ".damaged", overwrite: true);
            return new SortedDictionary<string, long>(StringComparer.Ordinal);
        }
    }

    private static string OneLine(string text) => text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');

    private static void WriteAtomically(string file, string content)
    {
        var temp = file + ".tmp";
        File.WriteAllText(temp, content);
        File.Move(temp, file, overwrite: true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not save the unanswered-question counts in {Folder} ({Error})")]
    private static partial void LogNotSaved(ILogger logger, string folder, string error);
}
