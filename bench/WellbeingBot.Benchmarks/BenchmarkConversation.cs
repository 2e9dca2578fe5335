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

namespace WellbeingBot.Benchmarks;

/// <summary>The conversation logic wired as Program.cs wires it, around a given knowledge base.</summary>
public static class BenchmarkConversation
{
    public static ConversationEngine Engine(KnowledgeBase knowledge) => Services(knowledge).GetRequiredService<ConversationEngine>();

    public static ServiceProvider Services(KnowledgeBase knowledge)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "knowledge");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = folder,
            ["Storage:DataFolder"] = Path.Combine(Path.GetTempPath(), $"wellbeingbot-bench-{Guid.NewGuid():N}"),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddMetrics().AddSingleton<IConfiguration>(config).AddSingleton(TimeProvider.System)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Benchmark", ContentRootPath = Path.GetTempPath() });
        services.AddKnowledge().AddSafety().AddMeditation().AddConversationMemory().AddUserData().AddReminders().AddConversation();
        services.AddSingleton(knowledge);
        return services.BuildServiceProvider();
    }
}
