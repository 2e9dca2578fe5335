using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace WellbeingBot.Channels.DirectLine;

/// <summary>
/// The part of Direct Line 3.0 that Web Chat uses (start, send, poll with watermarks, token refresh, reconnect), served by the
/// bot itself so the chat page works without Azure; and the token endpoint the page calls first, which in Azure mode exchanges
/// the configured secret for a token so the secret never reaches the browser.
/// </summary>
public static class DirectLineEndpoints
{
    public const string ChannelId = "webchat";

    private static readonly JsonSerializerSettings Json = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateFormatHandling = DateFormatHandling.IsoDateFormat,
        MaxDepth = 32,
    };

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/directline/token", IssueTokenAsync);
        var directLine = app.MapGroup("/directline");
        directLine.MapPost("/conversations", StartAsync);
        directLine.MapGet("/conversations/{id}", Reconnect);
        directLine.MapPost("/conversations/{id}/activities", PostAsync);
        directLine.MapGet("/conversations/{id}/activities", Poll);
        directLine.MapPost("/tokens/refresh", Refresh);
        return app;
    }

    private static async Task<IResult> IssueTokenAsync(
        HttpContext http, IOptions<DirectLineOptions> options, DirectLineConversations conversations, AzureDirectLine azure, CancellationToken cancellationToken)
    {
        if (options.Value.UsesAzure)
        {
            var token = await azure.GenerateTokenAsync(cancellationToken);
            return token is null
                ? Results.Problem("The chat service is not reachable right now. Please try again in a moment.", statusCode: StatusCodes.Status502BadGateway)
                : Results.Json(new { token.ConversationId, token = token.Value, expires_in = token.ExpiresIn, domain = (string?)null });
        }

        var issued = conversations.Create();
        var domain = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/directline";
        return Results.Json(new { issued.ConversationId, token = issued.Value, expires_in = issued.ExpiresIn, domain });
    }

    private static async Task<IResult> StartAsync(
        HttpContext http, DirectLineConversations conversations, DirectLineBotAdapter adapter, IBot bot, TimeProvider time, IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        var conversation = conversations.Authenticate(http.Request.Headers.Authorization);
        if (conversation is null)
        {
            return Results.Problem("The token is missing, unknown or expired.", statusCode: StatusCodes.Status403Forbidden);
        }

        var body = await ReadBodyAsync(http.Request, options.Value.MaxActivityBytes, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var start = body.Json is null ? null : Parse<JObject>(body.Json);
        bool first;
        lock (conversation.Gate)
        {
            first = !conversation.Started;
            conversation.Started = true;
            if (first && start?["user"]?["id"]?.Type == JTokenType.String)
            {
                conversation.User = new ChannelAccount(Limit((string)start["user"]!["id"]!, 64), Limit((string?)start["user"]?["name"] ?? "You", 64), "user");
            }

            conversation.Locale ??= start?["locale"]?.Type == JTokenType.String ? Limit((string)start["locale"]!, 16) : null;
        }

        if (first)
        {
            // So the welcome appears, as when someone opens a chat with the bot in any other channel.
            var joined = new Activity(ActivityTypes.ConversationUpdate)
            {
                ChannelId = ChannelId,
                Conversation = new ConversationAccount(id: conversation.Id),
                From = conversation.User,
                Recipient = DirectLineBotAdapter.BotAccount,
                MembersAdded = [conversation.User],
                Timestamp = time.GetUtcNow(),
                Locale = conversation.Locale,
                ServiceUrl = "https://localhost/directline/",
            };
            await adapter.ProcessAsync(conversation, joined, bot, cancellationToken);
        }

        return Conversation(conversation, http.Request.Headers.Authorization!, options.Value, StatusCodes.Status201Created);
    }

    private static IResult Reconnect(string id, HttpContext http, DirectLineConversations conversations, IOptions<DirectLineOptions> options) =>
        Authorize(id, http, conversations) is { } conversation
            ? Conversation(conversation, http.Request.Headers.Authorization!, options.Value, StatusCodes.Status200OK)
            : Refused(id, conversations);

    private static async Task<IResult> PostAsync(
        string id, HttpContext http, DirectLineConversations conversations, DirectLineBotAdapter adapter, IBot bot, TimeProvider time,
        IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        if (Authorize(id, http, conversations) is not { } conversation)
        {
            return Refused(id, conversations);
        }

        if (!conversation.TryPost(time.GetUtcNow(), options.Value.MessagesPerMinute))
        {
            http.Response.Headers.RetryAfter = "60";
            return Results.Problem("Too many messages in a minute; please wait a little.", statusCode: StatusCodes.Status429TooManyRequests);
        }

        var body = await ReadBodyAsync(http.Request, options.Value.MaxActivityBytes, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var activity = body.Json is null ? null : Parse<Activity>(body.Json);
        if (activity is null || string.IsNullOrEmpty(activity.Type))
        {
            return Results.Problem("The body must be an activity: a JSON object with a 'type'.", statusCode: StatusCodes.Status400BadRequest);
        }

        // The page's own message comes back in the transcript (with its clientActivityID) so Web Chat marks it sent.
        activity.ChannelId = ChannelId;
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.From = new ChannelAccount(conversation.User.Id, conversation.User.Name, "user");
        activity.Recipient = DirectLineBotAdapter.BotAccount;
        activity.Timestamp = time.GetUtcNow();
        activity.ServiceUrl = "https://localhost/directline/";
        activity.Locale ??= conversation.Locale;
        var messageId = conversation.Append(activity);

        await adapter.ProcessAsync(conversation, activity, bot, cancellationToken);
        return Results.Json(new { id = messageId });
    }

    private static IResult Poll(string id, string? watermark, HttpContext http, DirectLineConversations conversations)
    {
        if (Authorize(id, http, conversations) is not { } conversation)
        {
            return Refused(id, conversations);
        }

        var from = int.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : 0;
        var (activities, next) = conversation.Since(from);
        var json = JsonConvert.SerializeObject(new { activities, watermark = next.ToString(CultureInfo.InvariantCulture) }, Json);
        return Results.Content(json, "application/json");
    }

    private static IResult Refresh(HttpContext http, DirectLineConversations conversations)
    {
        var conversation = conversations.Authenticate(http.Request.Headers.Authorization);
        if (conversation is null)
        {
            return Results.Problem("The token is missing, unknown or expired.", statusCode: StatusCodes.Status403Forbidden);
        }

        var token = conversations.Refresh(http.Request.Headers.Authorization!, conversation);
        return Results.Json(new { token.ConversationId, token = token.Value, expires_in = token.ExpiresIn });
    }

    private static DirectLineConversation? Authorize(string id, HttpContext http, DirectLineConversations conversations) =>
        conversations.Authenticate(http.Request.Headers.Authorization) is { } c && c.Id == id ? c : null;

    // Unknown conversation 404 (Web Chat then ends it); a token that does not open this conversation 403.
    private static IResult Refused(string id, DirectLineConversations conversations) =>
        conversations.Find(id) is null
            ? Results.Problem("This conversation has ended or never existed.", statusCode: StatusCodes.Status404NotFound)
            : Results.Problem("The token is missing, unknown, expired or for another conversation.", statusCode: StatusCodes.Status403Forbidden);

    private static IResult Conversation(DirectLineConversation conversation, string authorization, DirectLineOptions options, int status) =>
        Results.Json(
            new { conversationId = conversation.Id, token = authorization["Bearer ".Length..].Trim(), expires_in = (int)options.TokenLifetime.TotalSeconds },
            statusCode: status);

    private static async Task<(string? Json, IResult? Problem)> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, Results.Problem($"The message is too large (at most {maxBytes} bytes).", statusCode: StatusCodes.Status413PayloadTooLarge));
        }

        using var reader = new StreamReader(request.Body);
        var buffer = new char[maxBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return read > maxBytes
            ? (null, Results.Problem($"The message is too large (at most {maxBytes} bytes).", statusCode: StatusCodes.Status413PayloadTooLarge))
            : (read == 0 ? null : new string(buffer, 0, read), null);
    }

    private static T? Parse<T>(string json)
        where T : class
    {
        try
        {
            return JsonConvert.DeserializeObject<T>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Limit(string value, int max) => value.Length <= max ? value : value[..max];
}
