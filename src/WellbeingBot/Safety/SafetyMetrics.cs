using System.Diagnostics.Metrics;

namespace WellbeingBot.Safety;

/// <summary>
/// Counts crisis replies by category and country, so operators can see that the crisis path works and where it is needed.
/// Counting without recording: no text, no user or conversation id, nothing that could single a person out.
/// </summary>
public sealed class SafetyMetrics
{
    public const string MeterName = "WellbeingBot.Safety";
    public const string CrisisRepliesName = "wellbeingbot.crisis.replies";

    private readonly Counter<long> crisisReplies;

    public SafetyMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        crisisReplies = meter.CreateCounter<long>(CrisisRepliesName, unit: "{reply}", description: "Crisis replies sent, by category and country");
    }

    public void CrisisReply(CrisisCategory category, string? countryCode) =>
        crisisReplies.Add(1, new KeyValuePair<string, object?>("category", category.Name()), new KeyValuePair<string, object?>("country", countryCode ?? "unknown"));
}
