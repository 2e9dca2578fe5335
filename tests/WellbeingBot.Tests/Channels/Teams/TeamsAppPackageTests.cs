using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using WellbeingBot.Bot;
using WellbeingBot.Channels.Teams;

namespace WellbeingBot.Tests.Channels.Teams;

/// <summary>The Teams app package, built by the documented command and checked as Teams' validator would.</summary>
public sealed class TeamsAppPackageTests : IDisposable
{
    private const string AppId = "6c5a2d1e-0f3b-4a7c-9d8e-1b2c3d4e5f60";
    private const string Domain = "wellbeing.example.org";

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"wellbeingbot-teams-{Guid.NewGuid():N}");

    [Fact]
    public void The_package_holds_a_valid_manifest_with_the_configured_bot_and_domain()
    {
        using var zip = ZipFile.OpenRead(Build());
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var text = reader.ReadToEnd();
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        var manifest = JsonNode.Parse(text)!;

        Assert.Equal("1.19", (string?)manifest["manifestVersion"]);
        Assert.EndsWith("/v1.19/MicrosoftTeams.schema.json", (string?)manifest["$schema"], StringComparison.Ordinal);
        Assert.Matches(@"^\d+\.\d+\.\d+$", (string?)manifest["version"]);
        Assert.Equal(AppId, (string?)manifest["id"]);
        Assert.InRange(((string?)manifest["name"]!["short"])!.Length, 1, 30);
        Assert.InRange(((string?)manifest["name"]!["full"])!.Length, 1, 100);
        Assert.InRange(((string?)manifest["description"]!["short"])!.Length, 1, 80);
        Assert.InRange(((string?)manifest["description"]!["full"])!.Length, 1, 4000);
        Assert.All(new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" }, key => Assert.StartsWith($"https://{Domain}/", (string?)manifest["developer"]![key], StringComparison.Ordinal));
        Assert.Matches("^#[0-9A-Fa-f]{6}$", (string?)manifest["accentColor"]);
        Assert.Equal([Domain], manifest["validDomains"]!.AsArray().Select(d => (string?)d));

        var bot = manifest["bots"]![0]!;
        Assert.Equal(AppId, (string?)bot["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        var commands = bot["commandLists"]![0]!["commands"]!.AsArray();
        Assert.InRange(commands.Count, 1, 10);
        Assert.All(commands, c => Assert.InRange(((string?)c!["title"])!.Length, 1, 32));
        Assert.All(commands, c => Assert.InRange(((string?)c!["description"])!.Length, 1, 128));
    }

    [Fact]
    public async Task Every_command_in_the_manifest_is_one_the_bot_understands()
    {
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(SourceFolder, "manifest.json")))!;
        var titles = template["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray().Select(c => (string)c!["title"]!).ToList();
        Assert.Equal(["help", "ask", "helplines", "meditate", "reminders", "privacy", "forget me"], titles);

        foreach (var title in titles)
        {
            var engine = TestConversation.Engine();
            var replies = await engine.RespondAsync(new IncomingMessage(title, Locale: "en-US", ConversationId: "c", UserId: "msteams:29:u", ReplyAddress: new ReplyAddress("{}")), CancellationToken.None);
            Assert.DoesNotContain(replies, r => r.Kind is ReplyKind.NoAnswer or ReplyKind.Answer);
        }
    }

    [Fact]
    public void The_icons_are_192_pixel_colour_and_32_pixel_white_on_transparent()
    {
        using var zip = ZipFile.OpenRead(Build());
        var (width, height, _) = Png.Read(Bytes(zip, "color.png"));
        Assert.Equal((192, 192), (width, height));

        var (w, h, rgba) = Png.Read(Bytes(zip, "outline.png"));
        Assert.Equal((32, 32), (w, h));
        var visible = Enumerable.Range(0, w * h).Where(i => rgba[(i * 4) + 3] > 0).ToList();
        Assert.NotEmpty(visible);
        Assert.Contains(Enumerable.Range(0, w * h), i => rgba[(i * 4) + 3] == 0);
        Assert.All(visible, i => Assert.True(rgba[i * 4] >= 250 && rgba[(i * 4) + 1] >= 250 && rgba[(i * 4) + 2] >= 250, $"pixel {i} is not white"));
    }

    [Theory]
    [InlineData("not-a-guid", Domain, "MicrosoftAppId")]
    [InlineData(AppId, "https://wellbeing.example.org/", "Teams:Domain")]
    public void The_command_refuses_settings_Teams_would_reject(string appId, string domain, string named)
    {
        var output = new StringWriter();
        var exit = TeamsCommand.Run(["teams", "package"], Configuration(appId, domain), Environment(), output);

        Assert.Equal(1, exit);
        Assert.Contains(named, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_privacy_and_terms_pages_the_manifest_links_to_are_served()
    {
        await using var app = new WellbeingBotApplication();
        using var client = app.CreateClient();

        var privacy = await client.GetAsync(new Uri("/privacy", UriKind.Relative));
        var terms = await client.GetAsync(new Uri("/terms", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, privacy.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(TestKnowledge.Base.Notes.Privacy), await privacy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(TestKnowledge.Base.Notes.SeekHelp), await terms.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string SourceFolder => Path.Combine(AppContext.BaseDirectory, "Channels", "Teams", TeamsAppPackage.FolderName);

    private string Build()
    {
        var zip = Path.Combine(folder, "WellbeingBot-teams.zip");
        var output = new StringWriter();
        var settings = Configuration(AppId, Domain);
        settings["Teams:PackagePath"] = zip;
        Assert.Equal(0, TeamsCommand.Run(["teams", "package"], settings, Environment(), output));
        return zip;
    }

    private static IConfiguration Configuration(string appId, string domain) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = appId, ["Teams:Domain"] = domain }).Build();

    private HostingEnvironment Environment() => new() { ContentRootPath = folder };

    private static byte[] Bytes(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
