using Microsoft.Extensions.Options;

namespace WellbeingBot.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => KnowledgeBase.Load(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolvePath()));
        services.AddSingleton(sp => sp.GetRequiredService<KnowledgeBase>().Index);
        services.AddSingleton(sp => sp.GetRequiredService<KnowledgeBase>().Notes);
        services.AddSingleton<AnswerFinder>();
        services.AddSingleton<UnansweredQuestions>();
        services.AddHostedService<KnowledgeStartup>();
        return services;
    }
}
