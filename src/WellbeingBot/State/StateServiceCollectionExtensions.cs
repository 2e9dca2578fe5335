using Microsoft.Extensions.Options;
using WellbeingBot.State.Storage;

namespace WellbeingBot.State;

public static class StateServiceCollectionExtensions
{
    /// <summary>What a conversation remembers between turns: in process memory only, never on disk.</summary>
    public static IServiceCollection AddConversationMemory(this IServiceCollection services)
    {
        services.AddOptions<ConversationMemoryOptions>().BindConfiguration(ConversationMemoryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConversationMemoryStore>();
        services.AddSingleton<ConversationTurns>();
        return services;
    }

    /// <summary>What people agreed to have stored: SQLite in the data folder, or PostgreSQL when a connection string is set.</summary>
    public static IServiceCollection AddUserData(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return options.UsesPostgreSql
                ? DurableStorage.PostgreSql(options.PostgreSql!, time)
                : DurableStorage.Sqlite(options.DataFolder, sp.GetRequiredService<IHostEnvironment>().ContentRootPath, time);
        });
        services.AddSingleton<Microsoft.Bot.Builder.IStorage>(sp => sp.GetRequiredService<SqlStorage>());
        services.AddSingleton<StorageGate>();
        services.AddSingleton<UserDataStore>();
        services.AddSingleton<StorageMaintenance>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageMaintenance>());
        return services;
    }
}
