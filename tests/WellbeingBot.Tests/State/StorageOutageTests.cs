using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WellbeingBot.Bot;
using WellbeingBot.State;
using WellbeingBot.State.Storage;

namespace WellbeingBot.Tests.State;

/// <summary>
/// The database goes away: questions and crisis help carry on, storage features say they are unavailable, and nothing is lost
/// when it comes back. The outage is real: connections fail to open, as they do when a server is down.
/// </summary>
public sealed class StorageOutageTests : IDisposable
{
    private const string Person = "msteams:29:outage-person";

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"wellbeingbot-outage-{Guid.NewGuid():N}");
    private bool down;

    [Fact]
    public async Task With_an_unreachable_database_answers_and_crisis_help_work_and_storage_features_say_so()
    {
        // Nothing listens on port 1: every connection is refused, as when the server is down.
        using var services = TestConversation.Services(time, new Dictionary<string, string?> { ["Storage:PostgreSql"] = "Host=127.0.0.1;Port=1;Timeout=2" });

        Assert.Equal(ReplyKind.Answer, Assert.Single(await Say(services, "c1", "is ketamine addictive?")).Kind);
        Assert.Contains(await Say(services, "c1", "i want to end my life"), r => r.Kind == ReplyKind.Crisis && r.Urgent);
        Assert.Contains("can't save anything right now", Assert.Single(await Say(services, "c2", "my country is Ireland")).Text, StringComparison.Ordinal);
        Assert.Contains("can't reach my storage", Assert.Single(await Say(services, "c2", "what do you know about me")).Text, StringComparison.Ordinal);
        await Say(services, "c2", "forget me");
        Assert.Contains("not deleted yet", Assert.Single(await Say(services, "c2", "yes")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stored_data_survives_an_outage_and_a_forget_me_during_it_is_carried_out_when_storage_returns()
    {
        using var services = TestConversation.Services(time, configure: s => s.AddSingleton(FlakyStorage()));
        await Say(services, "c1", "my country is Ireland");
        await Say(services, "c1", "yes");

        down = true;
        Assert.Contains("can't reach my storage", Assert.Single(await Say(services, "c2", "what do you know about me")).Text, StringComparison.Ordinal);
        Assert.Contains("can't save anything right now", Assert.Single(await Say(services, "c2", "my country is France")).Text, StringComparison.Ordinal);
        Assert.Contains(await Say(services, "c3", "i want to end my life"), r => r.Kind == ReplyKind.Crisis);

        down = false;
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains("Ireland", Assert.Single(await Say(services, "c4", "what do you know about me")).Text, StringComparison.Ordinal);

        down = true;
        await Say(services, "c4", "forget me");
        Assert.Contains("not deleted yet", Assert.Single(await Say(services, "c4", PrivacyReplies.ForgetYes)).Text, StringComparison.Ordinal);
        Assert.Equal(1, services.GetRequiredService<UserDataStore>().PendingErasures);

        down = false;
        time.Advance(TimeSpan.FromMinutes(1));
        await services.GetRequiredService<StorageMaintenance>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, services.GetRequiredService<UserDataStore>().PendingErasures);
        Assert.Empty(await services.GetRequiredService<SqlStorage>().ListAsync(UserDataStore.UsersPrefix, CancellationToken.None));
    }

    [Fact]
    public async Task After_an_outage_storage_is_not_retried_until_the_pause_is_over()
    {
        using var services = TestConversation.Services(time, configure: s => s.AddSingleton(FlakyStorage()));
        var gate = services.GetRequiredService<StorageGate>();
        down = true;
        await Say(services, "c1", "what do you know about me");
        Assert.False(gate.Available);

        down = false;
        Assert.Contains("can't reach my storage", Assert.Single(await Say(services, "c1", "what do you know about me")).Text, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromSeconds(16));
        Assert.True(gate.Available);
        Assert.Contains("not holding anything", Assert.Single(await Say(services, "c1", "what do you know about me")).Text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // A SQLite file whose connections fail to open while the test says the database is down.
    private SqlStorage FlakyStorage()
    {
        Directory.CreateDirectory(folder);
        var good = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "wellbeingbot.db") }.ToString();
        var missing = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "gone", "wellbeingbot.db"), Mode = SqliteOpenMode.ReadWrite }.ToString();
        return new SqlStorage(() => new SqliteConnection(down ? missing : good), time);
    }

    private static Task<IReadOnlyList<BotReply>> Say(ServiceProvider services, string conversation, string text) =>
        services.GetRequiredService<ConversationEngine>().RespondAsync(
            new IncomingMessage(text, Locale: "en-US", ConversationId: conversation, UserId: Person), CancellationToken.None);
}
