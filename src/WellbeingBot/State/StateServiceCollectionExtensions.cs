namespace WellbeingBot.State;

public static class StateServiceCollectionExtensions
{
    public static IServiceCollection AddConversationMemory(this IServiceCollection services)
    {
        services.AddOptions<ConversationMemoryOptions>().BindConfiguration(ConversationMemoryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConversationMemoryStore>();
        return services;
    }
}
