using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WellbeingBot.State.Storage;

namespace WellbeingBot.Tests.State;

/// <summary>The app as an operator starts it: the database is created at start, and a database that is down does not stop the bot.</summary>
public sealed class StorageStartupTests
{
    [Fact]
    public async Task At_start_the_app_creates_its_database_in_the_data_folder_at_the_latest_schema()
    {
        await using var app = new WellbeingBotApplication();
        using var client = app.CreateClient();
        var storage = app.Services.GetRequiredService<SqlStorage>();

        var file = Path.Combine(app.DataFolder, DurableStorage.SqliteFileName);
        for (var waited = 0; waited < 100 && !File.Exists(file); waited++)
        {
            await Task.Delay(100);
        }

        Assert.True(File.Exists(file));
        Assert.Equal(SqlSchema.Latest, await storage.SchemaVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task With_the_database_down_at_start_the_bot_still_answers_and_handles_a_crisis()
    {
        await using var app = new WellbeingBotApplication(new Dictionary<string, string?> { ["Storage:PostgreSql"] = "Host=127.0.0.1;Port=1;Timeout=2" });
        using var client = app.CreateClient();

        var answer = await AskAsync(client, "is ketamine addictive?");
        var crisis = await AskAsync(client, "i want to end my life");

        Assert.Equal("message", answer[0]!["type"]!.GetValue<string>());
        Assert.Contains(crisis, a => a!["importance"]?.GetValue<string>() == "high");
    }

    private static async Task<JsonArray> AskAsync(HttpClient client, string text)
    {
        var response = await client.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), TestActivities.Message(text, locale: "en-US"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
    }
}
