namespace WellbeingBot.Knowledge;

/// <summary>Loads the knowledge base before the first request, so a malformed file stops the start instead of a turn.</summary>
public sealed partial class KnowledgeStartup(IServiceProvider services, ILogger<KnowledgeStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var knowledge = services.GetRequiredService<KnowledgeBase>();
            LogLoaded(logger, knowledge.Passages.Count);
        }
        catch (KnowledgeFormatException e)
        {
            LogInvalid(logger, e.Message);
            throw;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base loaded: {PassageCount} passages indexed")]
    private static partial void LogLoaded(ILogger logger, int passageCount);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The knowledge base is invalid and the bot will not start: {Problem}")]
    private static partial void LogInvalid(ILogger logger, string problem);
}
