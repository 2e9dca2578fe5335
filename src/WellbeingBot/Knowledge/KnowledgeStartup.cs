namespace WellbeingBot.Knowledge;

/// <summary>
/// Loads all reviewed content (passages, notes, crisis patterns, crisis wording, helplines, meditations) before the first request, so a
/// malformed file stops the start instead of a turn, and above all never a crisis reply.
/// </summary>
public sealed partial class KnowledgeStartup(IServiceProvider services, ILogger<KnowledgeStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var knowledge = services.GetRequiredService<KnowledgeBase>();
            var safety = services.GetRequiredService<Safety.SafetyKnowledge>();
            var meditations = services.GetRequiredService<Meditation.MeditationCatalog>();
            LogLoaded(logger, knowledge.Passages.Count, safety.Rules.Rules.Count, safety.Directory.Countries.Count, meditations.Sessions.Count);
        }
        catch (KnowledgeFormatException e)
        {
            LogInvalid(logger, e.Message);
            throw;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge loaded: {PassageCount} passages indexed, {RuleCount} crisis rules, helplines for {CountryCount} countries, {SessionCount} meditation sessions")]
    private static partial void LogLoaded(ILogger logger, int passageCount, int ruleCount, int countryCount, int sessionCount);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The knowledge base is invalid and the bot will not start: {Problem}")]
    private static partial void LogInvalid(ILogger logger, string problem);
}
