using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using WellbeingBot.Bot;
using WellbeingBot.Knowledge;
using WellbeingBot.Reminders;
using WellbeingBot.Safety;

namespace WellbeingBot.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The bot's meters (turns, declined questions by topic, crisis replies by category, reminders by outcome) and
    /// traces, plus ASP.NET Core's and HttpClient's, exported as configured. None of them carries text or a raw user id.</summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var exporter = configuration[$"{TelemetryOptions.Section}:Exporter"] ?? "none";
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("wellbeingbot"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ConversationMetrics.Name, UnansweredQuestions.MeterName, SafetyMetrics.MeterName, ReminderDispatcher.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (exporter == "console")
                {
                    metrics.AddConsoleExporter();
                }
                else if (exporter == "otlp")
                {
                    metrics.AddOtlpExporter();
                }
            })
            .WithTracing(tracing =>
            {
                // Requests are named by their route, never by a path that holds a conversation id, nor by query or body.
                tracing.AddSource(ConversationMetrics.Name)
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        o.RecordException = false;
                        o.EnrichWithHttpRequest = (activity, request) => activity.SetTag("url.path", (request.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched");
                    })
                    .AddHttpClientInstrumentation(o => o.RecordException = false);
                if (exporter == "console")
                {
                    tracing.AddConsoleExporter();
                }
                else if (exporter == "otlp")
                {
                    tracing.AddOtlpExporter();
                }
            });
        return services;
    }
}
