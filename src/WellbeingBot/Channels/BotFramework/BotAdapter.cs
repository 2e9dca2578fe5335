using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
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

    /// <summary>
    /// The POST half of <see cref="CloudAdapter.ProcessAsync(HttpRequest, HttpResponse, IBot, CancellationToken)"/> for an activity
    /// the endpoint has already read and checked: the SDK still authenticates, runs the turn and writes the response; only its
    /// second reading of the body is spared.
    /// </summary>
    public async Task ProcessAsync(HttpRequest request, HttpResponse response, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        try
        {
            var invokeResponse = await ProcessActivityAsync(request.Headers.Authorization, activity, bot.OnTurnAsync, cancellationToken);
            await HttpHelper.WriteResponseAsync(response, invokeResponse);
        }
        catch (UnauthorizedAccessException)
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }
}
