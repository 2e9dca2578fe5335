using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using WellbeingBot.Bot;
using WellbeingBot.Knowledge;
using WellbeingBot.Meditation;
using WellbeingBot.Reminders;
using WellbeingBot.Safety;
using WellbeingBot.State;

namespace WellbeingBot.Tests;

/// <summary>
/// The conversation logic wired exactly as Program.cs wires it, with the real knowledge and safety content (loaded once and
/// shared) and a clock the test controls. No web host, no channel.
/// </summary>
public static class TestConversation
{
    private static readonly Lazy<SafetyKnowledge> SharedSafety = new(() => SafetyKnowledge.Load(TestKnowledge.Folder));

    public static SafetyKnowledge Safety => SharedSafety.Value;

    /// <param name="settings">Configuration on top of the defaults, e.g. "Knowledge:RecordUnansweredText" or "Storage:PostgreSql".</param>
    /// <param name="configure">Last changes to the services, e.g. a storage whose connection a test breaks and mends.</param>
    public static ServiceProvider Services(
        TimeProvider? time = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        // Each provider counts unanswered questions in a folder of its own, so tests never see each other's counts.
        var values = new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = TestKnowledge.Folder,
            ["Knowledge:CurationFolder"] = Path.Combine(Path.GetTempPath(), $"wellbeingbot-curation-{Guid.NewGuid():N}"),
            ["Storage:DataFolder"] = Path.Combine(Path.GetTempPath(), $"wellbeingbot-data-{Guid.NewGuid():N}"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddMetrics()
            .AddSingleton<IConfiguration>(config)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Test", ContentRootPath = AppContext.BaseDirectory })
            .AddSingleton(time ?? TimeProvider.System);
        services.AddKnowledge().AddSafety().AddMeditation().AddConversationMemory().AddUserData().AddReminders().AddConversation();

        // Reminders go out through the channel edge; without a host, tests read them from here.
        services.AddSingleton<RecordingSender>().AddSingleton<IReminderSender>(sp => sp.GetRequiredService<RecordingSender>());

        // Registered last so they win: the content is loaded once for all tests.
        services.AddSingleton(TestKnowledge.Base).AddSingleton(Safety);
        services.AddSingleton(sp => TestKnowledge.Finder());
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public static ConversationEngine Engine(TimeProvider? time = null) => Services(time).GetRequiredService<ConversationEngine>();
}
