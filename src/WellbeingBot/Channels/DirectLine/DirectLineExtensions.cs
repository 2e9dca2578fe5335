namespace WellbeingBot.Channels.DirectLine;

public static class DirectLineExtensions
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineBotAdapter>();
        services.AddHttpClient<AzureDirectLine>(c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHostedService<DirectLineSweeper>();
        return services;
    }
}

/// <summary>Drops idle web chat conversations every minute, so memory follows the people actually chatting.</summary>
public sealed class DirectLineSweeper(DirectLineConversations conversations, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            conversations.Sweep();
        }
    }
}
