namespace WellbeingBot.Knowledge.Check;

/// <summary>The command line in front of <see cref="KnowledgeCheck"/>: <c>dotnet run --project src/WellbeingBot -- knowledge check</c>.</summary>
public static class KnowledgeCommand
{
    public static bool IsRequested(string[] args) => args is ["knowledge", ..];

    /// <returns>The process exit code: 0 valid, 1 problems found, 2 unknown command.</returns>
    public static int Run(string[] args, IConfiguration configuration, IHostEnvironment environment, TimeProvider time, TextWriter output)
    {
        if (args is not ["knowledge", "check", ..])
        {
            output.WriteLine("Usage: dotnet run --project src/WellbeingBot -- knowledge check [--Knowledge:Path=<folder>]");
            output.WriteLine("  Validates every file under knowledge/ and prints passages per topic, passages due for review and unanswered-question counts.");
            return 2;
        }

        var options = configuration.GetSection(KnowledgeOptions.Section).Get<KnowledgeOptions>() ?? new KnowledgeOptions();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return KnowledgeCheck.Run(options.ResolvePath(), options.ResolveCurationFolder(environment.ContentRootPath), today, output);
    }
}
