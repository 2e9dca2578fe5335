namespace WellbeingBot.Tests.State;

/// <summary>
/// The container image's promises, read from the Dockerfile (no container engine runs in CI): built in stages, run as a
/// non-root user, data in a volume, no secret baked in. `npx dockerfilelint Dockerfile` is the style check (README).
/// </summary>
public sealed class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepositoryFiles.Root(), "Dockerfile"));

    [Fact]
    public void The_image_is_built_in_stages_and_runs_as_a_non_root_user_with_data_in_a_volume()
    {
        Assert.True(Lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)) >= 2);
        var runtime = Lines.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(runtime);
        Assert.Contains(runtime, l => l.Trim() is "USER app");
        Assert.Contains(runtime, l => l.StartsWith("VOLUME", StringComparison.Ordinal) && l.Contains("/data", StringComparison.Ordinal));
        Assert.Contains(runtime, l => l.Contains("Storage__DataFolder=/data", StringComparison.Ordinal));
        Assert.DoesNotContain(Lines, l => l.Contains("MicrosoftAppPassword", StringComparison.OrdinalIgnoreCase) || l.Contains("Password=", StringComparison.OrdinalIgnoreCase));
    }
}
