using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using WellbeingBot.Bot;
using WellbeingBot.Safety;

namespace WellbeingBot.Tests.Safety;

/// <summary>Crisis replies are counted by category and country, and by nothing that could identify a person.</summary>
public sealed class SafetyMetricsTests
{
    [Fact]
    public async Task Crisis_replies_are_counted_by_category_and_country_only()
    {
        using var services = TestConversation.Services();
        var engine = services.GetRequiredService<ConversationEngine>();
        var factory = services.GetRequiredService<IMeterFactory>();
        var seen = new List<(long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name == SafetyMetrics.CrisisRepliesName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => seen.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        await engine.RespondAsync(new IncomingMessage("i want to kill myself", Locale: "en-AU", ConversationId: "a"), CancellationToken.None);
        await engine.RespondAsync(new IncomingMessage("my husband hits me", Locale: "en", ConversationId: "b"), CancellationToken.None);
        await engine.RespondAsync(new IncomingMessage("what is spravato?", Locale: "en-AU", ConversationId: "c"), CancellationToken.None);

        Assert.Equal(2, seen.Count);
        Assert.Equal(new Dictionary<string, object?> { ["category"] = "suicide", ["country"] = "AU" }, seen[0].Tags);
        Assert.Equal(new Dictionary<string, object?> { ["category"] = "abuse", ["country"] = "unknown" }, seen[1].Tags);
        Assert.All(seen, s => Assert.Equal(1, s.Value));
    }
}
