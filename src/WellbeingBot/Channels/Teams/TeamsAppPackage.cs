using System.IO.Compression;
using System.Text.RegularExpressions;

namespace WellbeingBot.Channels.Teams;

/// <summary>
/// The Teams app package: the manifest from <c>AppPackage/manifest.json</c> with the bot's app id and domain filled in, and the
/// two icons rendered from their SVGs, zipped flat as Teams expects.
/// </summary>
public static partial class TeamsAppPackage
{
    public const string FolderName = "AppPackage";

    /// <returns>The problems with the settings; empty when the package can be built.</returns>
    public static IReadOnlyList<string> Check(string? appId, string? domain)
    {
        var problems = new List<string>();
        if (!Guid.TryParse(appId, out _))
        {
            problems.Add("MicrosoftAppId must be the bot's Microsoft app id (a GUID), as registered in Azure.");
        }

        if (domain is null || !Domain().IsMatch(domain))
        {
            problems.Add("Teams:Domain must be the host name the bot is served from, without https:// or a path (bot.example.org).");
        }

        return problems;
    }

    /// <summary>The manifest with the app id and domain filled in.</summary>
    public static string Manifest(string template, string appId, string domain) =>
        template.Replace("{{MicrosoftAppId}}", appId.ToLowerInvariant(), StringComparison.Ordinal).Replace("{{Domain}}", domain, StringComparison.Ordinal);

    public static void Build(string sourceFolder, string appId, string domain, string zipPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        File.Delete(zipPath);
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        var manifest = zip.CreateEntry("manifest.json");
        using (var writer = new StreamWriter(manifest.Open()))
        {
            writer.Write(Manifest(File.ReadAllText(Path.Combine(sourceFolder, "manifest.json")), appId, domain));
        }

        zip.CreateEntryFromFile(Path.Combine(sourceFolder, "color.png"), "color.png");
        zip.CreateEntryFromFile(Path.Combine(sourceFolder, "outline.png"), "outline.png");
    }

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.IgnoreCase)]
    private static partial Regex Domain();
}
