using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using WellbeingBot.Bot;

namespace WellbeingBot.Channels.BotFramework;

/// <summary>
/// CloudAdapter with one constructor (the .NET 10 container rejects its several) and an error handler that logs the failure,
/// never the message, and tells the user plainly where help is.
/// </summary>
public sealed class BotAdapter : CloudAdapter
{
    private static readonly JsonSerializer CompactSerializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = HttpHelper.BotMessageSerializerSettings.NullValueHandling,
        DateFormatHandling = HttpHelper.BotMessageSerializerSettings.DateFormatHandling,
        DateTimeZoneHandling = HttpHelper.BotMessageSerializerSettings.DateTimeZoneHandling,
        ReferenceLoopHandling = HttpHelper.BotMessageSerializerSettings.ReferenceLoopHandling,
        ContractResolver = HttpHelper.BotMessageSerializerSettings.ContractResolver,
        Converters = HttpHelper.BotMessageSerializerSettings.Converters,
        Formatting = Formatting.None,
    });

    public BotAdapter(BotFrameworkAuthentication authentication, ReplyComposer composer, ILogger<BotAdapter> logger)
        : base(authentication, logger)
    {
        OnTurnError = TurnErrors.Handler(composer, logger);
    }

    /// <summary>
    /// The POST half of <see cref="CloudAdapter.ProcessAsync(HttpRequest, HttpResponse, IBot, CancellationToken)"/> for an activity
    /// the endpoint has already read and checked: the SDK still authenticates and runs the turn; only its second reading of the
    /// body is spared, and the response is written compactly.
    /// </summary>
    public async Task ProcessAsync(HttpRequest request, HttpResponse response, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        try
        {
            var invokeResponse = await ProcessActivityAsync(request.Headers.Authorization, activity, bot.OnTurnAsync, cancellationToken);
            await WriteResponseAsync(response, invokeResponse, cancellationToken);
        }
        catch (UnauthorizedAccessException)
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

    // As the SDK's HttpHelper.WriteResponseAsync, with its serializer settings, but without indentation (a reply with a card
    // was a third whitespace) and with its length, so the replies of an expectReplies turn are not sent in chunks.
    private static async Task WriteResponseAsync(HttpResponse response, InvokeResponse? invokeResponse, CancellationToken cancellationToken)
    {
        response.StatusCode = invokeResponse?.Status ?? StatusCodes.Status200OK;
        if (invokeResponse?.Body is null)
        {
            return;
        }

        using var body = new PooledUtf8Writer();
        using (var json = new JsonTextWriter(body) { ArrayPool = JsonCharPool.Instance, CloseOutput = false })
        {
            CompactSerializer.Serialize(json, invokeResponse.Body);
        }

        body.Flush();
        response.ContentType = "application/json";
        response.ContentLength = body.Written.Length;
        await response.Body.WriteAsync(body.Written, cancellationToken);
    }
}
