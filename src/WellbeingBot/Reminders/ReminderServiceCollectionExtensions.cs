namespace WellbeingBot.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>Reminder conversation, storage and the dispatcher; the channel edge registers the <see cref="IReminderSender"/>.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReminderStore>();
        services.AddSingleton<State.IPersonalDataStore>(sp => sp.GetRequiredService<ReminderStore>());
        services.AddSingleton<ReminderReplies>();
        services.AddSingleton<ReminderGuide>();
        services.AddSingleton<ReminderDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderDispatcher>());
        return services;
    }
}
