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
    /// <summary>
    /// The bot's telemetry, exported as configured. With no exporter (the default) nothing is collected at all: OpenTelemetry
    /// would otherwise still start a trace for every request and every turn only to drop it, about 2% of the CPU under load.
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return (configuration[$"{TelemetryOptions.Section}:Exporter"] ?? "none") switch
        {
            "console" => services.AddTelemetryPipelines(m => m.AddConsoleExporter(), t => t.AddConsoleExporter()),
            "otlp" => services.AddTelemetryPipelines(m => m.AddOtlpExporter(), t => t.AddOtlpExporter()),
            _ => services,
        };
    }

    /// <summary>The bot's meters (turns, declined questions by topic, crisis replies by category, reminders by outcome) and
    /// traces, plus ASP.NET Core's and HttpClient's, sent to the exporters given. None of them carries text or a raw user id.</summary>
    public static IServiceCollection AddTelemetryPipelines(
        this IServiceCollection services, Action<MeterProviderBuilder> exportMetrics, Action<TracerProviderBuilder> exportTraces)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("wellbeingbot"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ConversationMetrics.Name, UnansweredQuestions.MeterName, SafetyMetrics.MeterName, ReminderDispatcher.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                exportMetrics(metrics);
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
                exportTraces(tracing);
            });
        return services;
    }
}
