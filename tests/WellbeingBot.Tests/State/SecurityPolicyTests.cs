namespace WellbeingBot.Tests.State;

/// <summary>The repository tells people how to report a vulnerability, and its dependencies are kept current.</summary>
public sealed class SecurityPolicyTests
{
    [Fact]
    public void Security_md_says_how_to_report_a_vulnerability_privately()
    {
        var policy = File.ReadAllText(Path.Combine(RepositoryRoot(), ".github", "SECURITY.md"));

        Assert.Contains("## Reporting a vulnerability", policy, StringComparison.Ordinal);
        Assert.Contains("private vulnerability reporting", policy, StringComparison.Ordinal);
        Assert.Contains("do not", policy, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Dependabot_watches_the_nuget_and_npm_packages()
    {
        var config = File.ReadAllText(Path.Combine(RepositoryRoot(), ".github", "dependabot.yml"));

        Assert.Contains("package-ecosystem: nuget", config, StringComparison.Ordinal);
        Assert.Contains("package-ecosystem: npm", config, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot(), "src", "WellbeingBot", "ClientApp", "package.json")));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "WellbeingBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository.");
    }
}
