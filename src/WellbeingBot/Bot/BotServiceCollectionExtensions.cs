namespace WellbeingBot.Bot;

public static class BotServiceCollectionExtensions
{
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddSingleton<ReplyComposer>();
        services.AddSingleton<ConversationMetrics>();
        services.AddSingleton<PrivacyReplies>();
        services.AddSingleton<PrivacyConversation>();
        services.AddSingleton<ConversationEngine>();
        return services;
    }
}
