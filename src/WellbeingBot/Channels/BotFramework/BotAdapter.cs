using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using WellbeingBot.Bot;

namespace WellbeingBot.Channels.BotFramework;

/// <summary>
/// CloudAdapter with one constructor (the .NET 10 container rejects its several) and an error handler that logs the failure,
/// never the message, and tells the user plainly where help is.
/// </summary>
public sealed class BotAdapter : CloudAdapter
{
    public BotAdapter(BotFrameworkAuthentication authentication, ReplyComposer composer, ILogger<BotAdapter> logger)
        : base(authentication, logger)
    {
        OnTurnError = TurnErrors.Handler(composer, logger);
    }
}
