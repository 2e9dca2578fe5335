using Microsoft.Extensions.Options;
using WellbeingBot.Knowledge;

namespace WellbeingBot.Meditation;

public static class MeditationServiceCollectionExtensions
{
    /// <summary>The sessions under <c>knowledge/meditations/</c>, checked at start with the rest of the knowledge.</summary>
    public static IServiceCollection AddMeditation(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var folder = Path.Combine(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolvePath(), MeditationLoader.FolderName);
            return MeditationCatalog.Load(folder, sp.GetRequiredService<KnowledgeBase>().Topics);
        });
        services.AddSingleton<MeditationReplies>();
        services.AddSingleton<MeditationGuide>();
        return services;
    }
}
