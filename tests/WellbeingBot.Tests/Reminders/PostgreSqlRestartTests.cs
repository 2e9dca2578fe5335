using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WellbeingBot.Bot;
using WellbeingBot.State;

namespace WellbeingBot.Tests.Reminders;

/// <summary>
/// A real PostgreSQL server stopped mid-conversation and started again. It needs a server of its own, as stopping the shared
/// one would break the other tests: .ci/run creates a second cluster and sets WELLBEINGBOT_TEST_POSTGRES_FAULTS (its connection
/// string) and WELLBEINGBOT_TEST_POSTGRES_FAULTS_CLUSTER ("version name", for pg_ctlcluster). Without them the test fails and says so.
/// </summary>
public sealed class PostgreSqlRestartTests
{
    public const string Variable = "WELLBEINGBOT_TEST_POSTGRES_FAULTS";
    public const string ClusterVariable = "WELLBEINGBOT_TEST_POSTGRES_FAULTS_CLUSTER";

    private static readonly DateTimeOffset Due = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_server_stopped_mid_conversation_and_restarted_loses_no_reminder_and_no_consent()
    {
        var connection = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } c ? c : throw Missing(Variable);
        var cluster = Environment.GetEnvironmentVariable(ClusterVariable) is { Length: > 0 } n ? n : throw Missing(ClusterVariable);
        using var chat = new ReminderConversation(Due.AddHours(-12), new Dictionary<string, string?> { ["Storage:PostgreSql"] = connection });
        await chat.SetDailyReminderAsync();
        Assert.Contains("reminder", (await chat.Say("what do you know about me")).Text, StringComparison.OrdinalIgnoreCase);

        await PgCtlCluster(cluster, "stop -m fast");
        try
        {
            // Mid-conversation with the server down: answers and crisis help carry on, and the due reminder is not lost.
            chat.Time.SetUtcNow(Due);
            var answer = await Turn(chat, "is ketamine addictive?");
            Assert.Contains(answer, r => r.Kind == ReplyKind.Answer);
            var crisis = await Turn(chat, "i want to end my life");
            Assert.Contains(crisis, r => r.Kind == ReplyKind.Crisis);
            await Assert.ThrowsAnyAsync<Exception>(() => chat.Dispatcher.RunOnceAsync(CancellationToken.None));
            Assert.Empty(chat.Sender.Sent);
        }
        finally
        {
            await PgCtlCluster(cluster, "start");
        }

        await chat.RunAt(Due.AddMinutes(20));
        await chat.RunAt(Due.AddMinutes(40));

        Assert.Single(chat.Sender.Sent);
        var profile = await chat.Services.GetRequiredService<UserDataStore>().GetAsync(UserKey.From(chat.User)!.Value, CancellationToken.None);
        Assert.True(profile!.RemindersAgreed);
        // Asked in a new chat: the old one is rightly still waiting to hear whether the person is safe.
        var known = Assert.Single(await Turn(chat, "what do you know about me", conversation: "c2")).Text;
        Assert.Contains("reminder", known, StringComparison.OrdinalIgnoreCase);
    }

    private static Task<IReadOnlyList<BotReply>> Turn(ReminderConversation chat, string text, string conversation = "c1") =>
        chat.Services.GetRequiredService<ConversationEngine>().RespondAsync(
            new IncomingMessage(text, Locale: "en-GB", ConversationId: conversation, UserId: chat.User), CancellationToken.None);

    private static InvalidOperationException Missing(string variable) =>
        new($"This test needs a PostgreSQL cluster it may stop: set {variable} (bash .ci/run does).");

    private static async Task PgCtlCluster(string cluster, string action)
    {
        var parts = cluster.Split(' ', 2);
        using var process = Process.Start(new ProcessStartInfo("pg_ctlcluster", $"{parts[0]} {parts[1]} {action}") { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_ctlcluster {cluster} {action} failed: {error}");
    }
}
