namespace WellbeingBot.Tests.State;

/// <summary>The repository tells people how to report a vulnerability, and its dependencies are kept current.</summary>
public sealed class SecurityPolicyTests
{
    [Fact]
    public void Security_md_says_how_to_report_a_vulnerability_privately()
    {
        var policy = File.ReadAllText(Path.Combine(RepositoryFiles.Root(), ".github", "SECURITY.md"));

        Assert.Contains("## Reporting a vulnerability", policy, StringComparison.Ordinal);
        Assert.Contains("private vulnerability reporting", policy, StringComparison.Ordinal);
        Assert.Contains("do not", policy, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Dependabot_watches_the_nuget_and_npm_packages()
    {
        var config = File.ReadAllText(Path.Combine(RepositoryFiles.Root(), ".github", "dependabot.yml"));

        Assert.Contains("package-ecosystem: nuget", config, StringComparison.Ordinal);
        Assert.Contains("package-ecosystem: npm", config, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryFiles.Root(), "src", "WellbeingBot", "ClientApp", "package.json")));
    }
}
