using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WellbeingBot.Knowledge;
using WellbeingBot.State.Storage;

namespace WellbeingBot.Health;

/// <summary>
/// <c>/healthz</c>: the process answers (liveness). <c>/readyz</c>: the knowledge index is loaded and storage answers
/// (readiness); a load balancer sends no traffic to an instance that is not ready, and restarts one that is not live.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<KnowledgeReady>("knowledge", tags: [Ready])
            .AddCheck<StorageReady>("storage", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        return app;
    }

    private sealed class KnowledgeReady(KnowledgeBase knowledge) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(knowledge.Passages.Count > 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("no passages indexed"));
    }

    // Goes through the storage gate, so a database that just failed is reported without waiting on it again.
    private sealed class StorageReady(SqlStorage storage, StorageGate gate) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await gate.RunAsync(storage.SchemaVersionAsync, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (StorageUnavailableException)
            {
                // Degraded, not unhealthy: answers and crisis help work without storage, so the instance keeps its traffic.
                return HealthCheckResult.Degraded("storage is unreachable; answers and crisis help still work");
            }
        }
    }
}
