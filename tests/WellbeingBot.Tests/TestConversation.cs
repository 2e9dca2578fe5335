using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WellbeingBot.Bot;
using WellbeingBot.Knowledge;
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

    public static ServiceProvider Services(TimeProvider? time = null)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = TestKnowledge.Folder,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddMetrics()
            .AddSingleton<IConfiguration>(config)
            .AddSingleton(time ?? TimeProvider.System);
        services.AddKnowledge().AddSafety().AddConversationMemory().AddConversation();

        // Registered last so they win: the content is loaded once for all tests.
        services.AddSingleton(TestKnowledge.Base).AddSingleton(Safety);
        services.AddSingleton(sp => TestKnowledge.Finder());
        return services.BuildServiceProvider();
    }

    public static ConversationEngine Engine(TimeProvider? time = null) => Services(time).GetRequiredService<ConversationEngine>();
}
