using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WellbeingBot.Telemetry;

namespace WellbeingBot.Tests.State;

/// <summary>Metrics and traces of a real conversation: the counts operators need, and no text or raw id anywhere in them.</summary>
public sealed class TelemetryTests
{
    private const string UserId = "29:1telemetry-user-private";
    private const string ConversationId = "a:telemetry-conversation-private";

    [Fact]
    public async Task A_conversation_is_counted_by_reply_kind_and_its_telemetry_holds_no_text_or_ids()
    {
        // Snapshots, not Metric objects: the exporter keeps reusing those, and their points could be reset before the test read
        // them (this test failed about once in five runs that way).
        var metrics = new List<MetricSnapshot>();
        MetricSnapshot[] collectedMetrics;
        Activity[] collectedSpans;
        var spans = new List<Activity>();
        // The pipelines an operator's exporter gets, with an in-memory one instead.
        await using (var app = new WellbeingBotApplication().WithWebHostBuilder(b => b.ConfigureTestServices(s => s
            .AddTelemetryPipelines(m => m.AddInMemoryExporter(metrics), t => t.AddInMemoryExporter(spans)))))
        {
            var client = app.CreateClient();
            foreach (var text in new[] { "whats the best pizza in Napoli", "is ketamine addictive for Alexandra?", "i want to end my life" })
            {
                await client.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), TestActivities.Message(text, ConversationId, UserId, "en-US"));
            }

            // Collected now, while the app runs: at shutdown the meters can be disposed before the last collection reads them.
            // Copied at once: the providers listen process-wide, so other tests' requests can add to these lists meanwhile.
            app.Services.GetRequiredService<MeterProvider>().ForceFlush();
            app.Services.GetRequiredService<TracerProvider>().ForceFlush();
            collectedMetrics = metrics.ToArray();
            collectedSpans = spans.ToArray();
        }

        var turns = collectedMetrics.Where(m => m.Name == "wellbeingbot.turns").SelectMany(Points).ToList();
        Assert.Contains(turns, p => p.Tags.Contains(("kind", "Answer")));
        Assert.Contains(turns, p => p.Tags.Contains(("kind", "NoAnswer")));
        Assert.Contains(turns, p => p.Tags.Contains(("kind", "Crisis")));
        Assert.Contains(collectedMetrics, m => m.Name == "wellbeingbot.turn.duration");
        Assert.Contains(collectedSpans, s => s.DisplayName == "turn");

        var everything = string.Join('\n', collectedMetrics.SelectMany(Points).SelectMany(p => p.Tags).Select(t => $"{t.Key}={t.Value}")
            .Concat(collectedSpans.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName))));
        Assert.All(new[] { "Alexandra", "Napoli", "end my life", UserId, ConversationId, "telemetry-user" },
            secret => Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("none", false)]
    [InlineData("console", true)]
    [InlineData("otlp", true)]
    public async Task Telemetry_is_collected_only_when_an_exporter_is_configured(string? exporter, bool collected)
    {
        await using var app = new WellbeingBotApplication().WithWebHostBuilder(b =>
        {
            if (exporter is not null)
            {
                b.UseSetting("Telemetry:Exporter", exporter);
            }
        });

        Assert.Equal(collected, app.Services.GetService<TracerProvider>() is not null);
        Assert.Equal(collected, app.Services.GetService<MeterProvider>() is not null);
    }

    private static IEnumerable<(IReadOnlyCollection<(string Key, object? Value)> Tags, MetricSnapshot Metric)> Points(MetricSnapshot metric)
    {
        foreach (var point in metric.MetricPoints)
        {
            var tags = new List<(string, object?)>();
            foreach (var tag in point.Tags)
            {
                tags.Add((tag.Key, tag.Value));
            }

            yield return (tags, metric);
        }
    }
}
