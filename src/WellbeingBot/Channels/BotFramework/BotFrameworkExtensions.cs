using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using WellbeingBot.Bot;
using WellbeingBot.Reminders;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace WellbeingBot.Channels.BotFramework;

public static class BotFrameworkExtensions
{
    public static IServiceCollection AddBotFramework(this IServiceCollection services)
    {
        services.AddHttpClient();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ConnectorClientCache(new ConfigurationBotFrameworkAuthentication(
            sp.GetRequiredService<IConfiguration>(),
            httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
            logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>())));
        services.AddSingleton<BotAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<BotAdapter>());
        services.AddTransient<IBot>(sp => new WellbeingActivityHandler(
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
        app.MapPost("/api/messages", async (HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken cancellationToken) =>
        {
            var problem = await CheckRequestAsync(http.Request, cancellationToken);
            if (problem is not null)
            {
                await problem.ExecuteAsync(http);
                return;
            }

            await adapter.ProcessAsync(http.Request, http.Response, bot, cancellationToken);
        });
        return app;
    }

    // The SDK answers malformed JSON with a 500; a client deserves to know it sent something wrong.
    private static async Task<IResult?> CheckRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return Results.Problem("Send the activity as JSON (Content-Type: application/json).", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        request.EnableBuffering();
        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return Results.Problem("The body must be a Bot Framework activity: a JSON object with a string 'type'.", statusCode: StatusCodes.Status400BadRequest);
            }
        }
        catch (JsonException)
        {
            return Results.Problem("The body is not valid JSON.", statusCode: StatusCodes.Status400BadRequest);
        }
        finally
        {
            request.Body.Position = 0;
        }

        return null;
    }
}
