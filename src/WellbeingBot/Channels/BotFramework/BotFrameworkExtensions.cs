using System.Buffers;
using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using WellbeingBot.Bot;
using WellbeingBot.Reminders;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace WellbeingBot.Channels.BotFramework;

public static class BotFrameworkExtensions
{
    public static IServiceCollection AddBotFramework(this IServiceCollection services)
    {
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        services.AddHostedService<AnonymousWarning>();
        services.AddSingleton<BotRequestLimits>();
        services.AddHttpClient();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ConnectorClientCache(new ConfigurationBotFrameworkAuthentication(
            sp.GetRequiredService<IConfiguration>(),
            httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
            logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>())));
        services.AddSingleton<BotAdapter>();
        // One handler for every turn: it keeps nothing between turns, and building one per request read configuration under a lock.
        services.AddSingleton<IBot>(sp => new WellbeingActivityHandler(
            sp.GetRequiredService<ConversationEngine>(),
            sp.GetRequiredService<ReplyComposer>(),
            sp.GetRequiredService<IOptions<ReminderOptions>>().Value.Channels,
            sp.GetRequiredService<IConfiguration>()["MicrosoftAppId"] ?? "",
            sp.GetRequiredService<ILogger<WellbeingActivityHandler>>()));
        services.AddSingleton<IReminderSender>(sp => new ProactiveSender(sp.GetRequiredService<BotAdapter>(), sp.GetRequiredService<IConfiguration>()["MicrosoftAppId"] ?? ""));

        // Every connector call (replies, reminders) retries what Teams asks to be retried, honouring Retry-After; a retried
        // POST may repeat a message, which is why reminders are marked per local day before they are sent.
        services.ConfigureHttpClientDefaults(http => http.AddResilienceHandler("connector", (pipeline, context) =>
        {
            var reminders = context.ServiceProvider.GetRequiredService<IOptions<ReminderOptions>>().Value;
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, reminders.MaxRetries),
                Delay = reminders.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(
                    reminders.MaxRetries > 0 && args.Outcome.Result?.StatusCode is (HttpStatusCode)429 or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout),
            });
        }));
        return services;
    }

    /// <summary>POST /api/messages: the Bot Framework protocol, with bad requests answered 4xx before they reach the SDK.</summary>
    public static IEndpointRouteBuilder MapBot(this IEndpointRouteBuilder app)
    {
        var authenticated = !string.IsNullOrWhiteSpace(app.ServiceProvider.GetRequiredService<IConfiguration>()["MicrosoftAppId"]);
        app.MapPost("/api/messages", async (
            HttpContext http, BotAdapter adapter, IBot bot, BotRequestLimits limits, IOptions<BotOptions> options, CancellationToken cancellationToken) =>
        {
            // The SDK answers a malformed bearer token with a 500; it is simply not a Bot Framework token.
            if (authenticated && !LooksLikeBearerToken(http.Request.Headers.Authorization))
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            var (activity, problem) = await ReadActivityAsync(http, limits, options.Value, cancellationToken);
            if (problem is not null)
            {
                await problem.ExecuteAsync(http);
                return;
            }

            await adapter.ProcessAsync(http.Request, http.Response, activity!, bot, cancellationToken);
        });
        return app;
    }

    // The SDK answers malformed JSON with a 500; a client deserves to know it sent something wrong. The body is read once,
    // within its size limit, and the activity read from it is what the SDK processes.
    private static async Task<(Activity? Activity, IResult? Problem)> ReadActivityAsync(
        HttpContext http, BotRequestLimits limits, BotOptions options, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (!request.HasJsonContentType())
        {
            return Bad("Send the activity as JSON (Content-Type: application/json).", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        // Sized from Content-Length when given (already checked against the cap), so the copy does not grow it step by step.
        using var body = new MemoryStream((int)Math.Min(request.ContentLength ?? 0, options.MaxRequestBytes));
        if (request.ContentLength > options.MaxRequestBytes || !await CopyWithinAsync(request.Body, body, options.MaxRequestBytes, cancellationToken))
        {
            return Bad($"The activity is larger than {options.MaxRequestBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        body.Position = 0;
        // Parsed with the SDK's own JSON library and settings, so that what passes here is what the SDK reads. Strings stay
        // strings until the activity is built: read as dates here, a text that looks like one would be reformatted and a local
        // timestamp would lose the offset the user's time zone is taken from.
        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StreamReader(body, leaveOpen: true)) { DateParseHandling = DateParseHandling.None, ArrayPool = JsonCharPool.Instance };
            root = JToken.ReadFrom(reader);
            if (reader.Read())
            {
                return Bad("The body is not valid JSON.", statusCode: StatusCodes.Status400BadRequest);
            }
        }
        catch (JsonReaderException)
        {
            return Bad("The body is not valid JSON.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (root is not JObject activity || activity["type"]?.Type != JTokenType.String)
        {
            return Bad("The body must be a Bot Framework activity: a JSON object with a string 'type'.", statusCode: StatusCodes.Status400BadRequest);
        }

        var (parsed, shape) = Shape(activity);
        if (shape is not null)
        {
            return Bad(shape, statusCode: StatusCodes.Status400BadRequest);
        }

        if (limits.Check(parsed!.Conversation.Id, http.Connection.RemoteIpAddress) is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Bad("Too many messages; try again shortly.", statusCode: StatusCodes.Status429TooManyRequests);
        }

        return (parsed, null);

        static (Activity?, IResult?) Bad(string detail, int statusCode) => (null, Results.Problem(detail, statusCode: statusCode));
    }

    // What the SDK would otherwise fail on before the turn starts, with a 500: fields of the wrong JSON type, and no address to
    // answer to (every channel sends an absolute http(s) serviceUrl and a conversation id).
    private static (Activity? Activity, string? Problem) Shape(JObject activity)
    {
        if (activity["serviceUrl"] is not { Type: JTokenType.String } serviceUrl
            || !Uri.TryCreate((string?)serviceUrl, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            return (null, "The activity needs a serviceUrl: the absolute http(s) address to send replies to.");
        }

        if (activity["conversation"] is not JObject conversation || conversation["id"]?.Type != JTokenType.String)
        {
            return (null, "The activity needs a conversation with a string id.");
        }

        try
        {
            var parsed = activity.ToObject<Activity>(HttpHelper.BotMessageSerializer);
            return string.IsNullOrEmpty(parsed?.Type) ? (null, "The activity's type is empty.") : (parsed, null);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidCastException or OverflowException)
        {
            return (null, "A field of the activity has the wrong type (for example text that is not a string).");
        }
    }

    private static bool LooksLikeBearerToken(string? header) =>
        header is not null && header.StartsWith("Bearer ", StringComparison.Ordinal)
        && header[7..].Split('.') is [{ Length: > 0 } a, { Length: > 0 } b, { Length: > 0 } c]
        && (a + b + c).All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '=');

    private static async Task<bool> CopyWithinAsync(Stream source, Stream target, int limit, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (target.Length + read > limit)
                {
                    return false;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
