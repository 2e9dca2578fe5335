using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace WellbeingBot.Tests;

/// <summary>
/// A fresh bot per test, with the real knowledge base, no Bot Framework credentials (as the Emulator uses it) and its data
/// (the SQLite file, curation counts) in a temporary folder of its own.
/// </summary>
public sealed class WellbeingBotApplication(IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), $"wellbeingbot-app-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataFolder"] = DataFolder,
                ["Knowledge:CurationFolder"] = Path.Combine(DataFolder, "curation"),
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>()));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }
}
