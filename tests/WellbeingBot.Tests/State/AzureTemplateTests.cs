using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace WellbeingBot.Tests.State;

/// <summary>The Azure template compiles with the Bicep compiler and its linter, and deploys what the README promises.</summary>
public sealed class AzureTemplateTests
{
    [Fact]
    public async Task The_template_compiles_cleanly_and_holds_the_app_the_database_and_the_bot_with_its_channels()
    {
        var root = typeof(AzureTemplateTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
        var bicep = Path.Combine(root, "azure.bicep.commandline.linux-x64", "0.49.2", "tools", "bicep");
        Assert.True(OperatingSystem.IsLinux() && File.Exists(bicep), $"The Bicep compiler is restored as a NuGet package for Linux x64; not found at {bicep}.");
        var template = Path.Combine(RepositoryFiles.Root(), "src", "WellbeingBot", "Deployment", "main.bicep");

        var (exit, output, errors) = await RunAsync(bicep, "build", template, "--stdout");
        Assert.True(exit == 0 && errors.Length == 0, errors);
        var (lintExit, _, lintErrors) = await RunAsync(bicep, "lint", template);
        Assert.True(lintExit == 0 && lintErrors.Length == 0, lintErrors);

        var types = JsonNode.Parse(output)!["resources"]!.AsArray().Select(r => (string?)r!["type"]).ToList();
        Assert.Contains("Microsoft.Web/sites", types);
        Assert.Contains("Microsoft.DBforPostgreSQL/flexibleServers", types);
        Assert.Contains("Microsoft.BotService/botServices", types);
        Assert.Equal(2, types.Count(t => t == "Microsoft.BotService/botServices/channels"));
        Assert.Contains("SSL Mode=VerifyFull", output, StringComparison.Ordinal);
        Assert.Contains("\"msaAppType\": \"SingleTenant\"", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }
}
