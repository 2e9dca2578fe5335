using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WellbeingBot.Knowledge;

namespace WellbeingBot.Tests.Knowledge;

public sealed class UnansweredQuestionsTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"wellbeingbot-unanswered-{Guid.NewGuid():N}");
    private readonly ServiceProvider metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Counts_by_nearest_topic_survive_a_restart_and_keep_no_text_by_default()
    {
        var first = Create();
        first.Record(Near("session"), "can my dog come to the session", mayKeepText: true);
        first.Record(Near("session"), "is there parking", mayKeepText: true);
        first.Record(new NoReliableAnswer([], null), "recipe for pancakes", mayKeepText: true);
        first.Dispose(); // as the host does at shutdown

        var restarted = Create();

        Assert.Equal(2, restarted.Counts["session"]);
        Assert.Equal(1, restarted.Counts[UnansweredQuestions.NoTopic]);
        Assert.False(File.Exists(Path.Combine(folder, UnansweredQuestions.TextFileName)));
        Assert.DoesNotContain("parking", File.ReadAllText(Path.Combine(folder, UnansweredQuestions.CountsFileName)), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_is_kept_only_when_the_operator_turns_it_on_and_never_after_distress()
    {
        var recorder = Create(recordText: true);
        recorder.Record(Near("cost-insurance"), "is there a\tstudent discount?\nthanks", mayKeepText: true);
        recorder.Record(Near("cost-insurance"), "words after distress", mayKeepText: false);
        Assert.False(File.Exists(Path.Combine(folder, UnansweredQuestions.TextFileName)));
        time.Advance(TimeSpan.FromSeconds(2)); // written in batches, a couple of seconds apart

        var line = Assert.Single(File.ReadAllLines(Path.Combine(folder, UnansweredQuestions.TextFileName)));
        Assert.Equal("2026-11-28T09:00:00Z\tcost-insurance\tis there a student discount? thanks", line);
        Assert.Equal(2, recorder.Counts["cost-insurance"]);
    }

    [Fact]
    public void The_counter_reports_the_topic_only()
    {
        var recorder = Create();
        var factory = metrics.GetRequiredService<IMeterFactory>();
        var seen = new List<Dictionary<string, object?>>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == UnansweredQuestions.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) => seen.Add(tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        listener.Start();

        recorder.Record(Near("efficacy"), "does it work for ocd", mayKeepText: true);

        Assert.Equal(new Dictionary<string, object?> { ["topic"] = "efficacy" }, Assert.Single(seen));
    }

    [Fact]
    public void A_damaged_counts_file_is_set_aside_and_counting_goes_on()
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, UnansweredQuestions.CountsFileName), "{ not json");

        var recorder = Create();
        recorder.Record(Near("efficacy"), "q", mayKeepText: true);

        Assert.Equal(1, recorder.Counts["efficacy"]);
        Assert.True(File.Exists(Path.Combine(folder, UnansweredQuestions.CountsFileName + ".damaged")));
    }

    [Fact]
    public void A_folder_that_cannot_be_written_loses_the_count_file_but_never_fails_the_turn()
    {
        File.WriteAllText(folder, "a file where the folder should be");

        var recorder = Create();
        var exception = Record.Exception(() =>
        {
            recorder.Record(Near("efficacy"), "q", mayKeepText: true);
            recorder.Flush();
        });

        Assert.Null(exception);
        Assert.Equal(1, recorder.Counts["efficacy"]);

        // Once the folder can be written, the count that could not be saved is saved.
        File.Delete(folder);
        recorder.Dispose();
        Assert.Equal(1, Create().Counts["efficacy"]);
    }

    private UnansweredQuestions Create(bool recordText = false) => new(
        Options.Create(new KnowledgeOptions { CurationFolder = folder, RecordUnansweredText = recordText }),
        new HostingEnvironment { ContentRootPath = Path.GetTempPath() },
        time,
        metrics.GetRequiredService<IMeterFactory>(),
        NullLogger<UnansweredQuestions>.Instance);

    private static NoReliableAnswer Near(string topic) =>
        new([new Passage("p", "P?", topic, ["a", "b", "c"], [], new DateOnly(2026, 11, 28), "Body.", "p.md")], null);

    public void Dispose()
    {
        metrics.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
