using Microsoft.Extensions.Options;

namespace WellbeingBot.Channels.BotFramework;

/// <summary>Says loudly at start that a Production bot accepts unauthenticated requests, because someone chose to.</summary>
public sealed partial class AnonymousWarning(IOptions<BotOptions> options, IHostEnvironment environment, IConfiguration configuration, ILogger<AnonymousWarning> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsProduction() && options.Value.AllowAnonymous && string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]))
        {
            LogAnonymous(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot:AllowAnonymous is set: /api/messages accepts unauthenticated requests. Set MicrosoftAppId and MicrosoftAppPassword before real users arrive.")]
    private static partial void LogAnonymous(ILogger logger);
}
