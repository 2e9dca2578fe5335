using Microsoft.Extensions.Configuration;
using WellbeingBot.Knowledge;

namespace WellbeingBot.Tests;

/// <summary>The real knowledge base, as deployed beside the app, loaded once for the tests that only read it.</summary>
public static class TestKnowledge
{
    private static readonly Lazy<KnowledgeBase> Shared = new(() => KnowledgeBase.Load(Folder));

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "knowledge");

    public static KnowledgeBase Base => Shared.Value;

    public static AnswerFinder Finder(KnowledgeOptions? options = null) =>
        new(Base.Index, Microsoft.Extensions.Options.Options.Create(options ?? DefaultOptions()));

    /// <summary>The thresholds the app ships with, read from its appsettings.json so tests check what users get.</summary>
    public static KnowledgeOptions DefaultOptions()
    {
        var config = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();
        var options = new KnowledgeOptions();
        config.GetSection(KnowledgeOptions.Section).Bind(options);
        return options;
    }
}
