namespace WellbeingBot.Channels.Teams;

/// <summary><c>dotnet run --project src/WellbeingBot -- teams package</c>: builds the Teams app package from configuration.</summary>
public static class TeamsCommand
{
    public const string DefaultOutput = "bin/teams/WellbeingBot-teams.zip";

    public static bool IsRequested(string[] args) => args is ["teams", ..];

    /// <returns>0 when the package was written, 1 when a setting is missing or wrong, 2 for an unknown command.</returns>
    public static int Run(string[] args, IConfiguration configuration, IHostEnvironment environment, TextWriter output)
    {
        if (args is not ["teams", "package", ..])
        {
            output.WriteLine("Usage: dotnet run --project src/WellbeingBot -- teams package --MicrosoftAppId=<guid> --Teams:Domain=<host> [--Teams:PackagePath=<zip>]");
            return 2;
        }

        var appId = configuration["MicrosoftAppId"];
        var domain = configuration["Teams:Domain"];
        var problems = TeamsAppPackage.Check(appId, domain);
        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        if (problems.Count > 0)
        {
            return 1;
        }

        var zip = Path.GetFullPath(configuration["Teams:PackagePath"] ?? DefaultOutput, environment.ContentRootPath);
        TeamsAppPackage.Build(Path.Combine(AppContext.BaseDirectory, "Channels", "Teams", TeamsAppPackage.FolderName), appId!, domain!, zip);
        output.WriteLine($"Teams app package written to {zip}");
        return 0;
    }
}
