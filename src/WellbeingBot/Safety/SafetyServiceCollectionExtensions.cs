using Microsoft.Extensions.Options;
using WellbeingBot.Knowledge;

namespace WellbeingBot.Safety;

public static class SafetyServiceCollectionExtensions
{
    public static IServiceCollection AddSafety(this IServiceCollection services)
    {
        services.AddSingleton(sp => SafetyKnowledge.Load(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolvePath()));
        services.AddSingleton(sp => sp.GetRequiredService<SafetyKnowledge>().Rules);
        services.AddSingleton(sp => sp.GetRequiredService<SafetyKnowledge>().Directory);
        services.AddSingleton(sp => sp.GetRequiredService<SafetyKnowledge>().Texts);
        services.AddSingleton<CrisisDetector>();
        services.AddSingleton<CountryResolver>();
        services.AddSingleton<CrisisComposer>();
        services.AddSingleton<SafetyMetrics>();
        services.AddSingleton<SafetyGate>();
        return services;
    }
}
