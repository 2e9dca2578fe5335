using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using WellbeingBot.Reminders;
using WellbeingBot.State;
using WellbeingBot.State.Storage;

namespace WellbeingBot.Tests.Reminders;

/// <summary>Faults around a reminder: the database goes away and comes back; the connector fails for a while.</summary>
public sealed class ReminderFaultTests
{
    private static readonly DateTimeOffset Due = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_database_down_at_the_due_time_and_back_minutes_later_loses_no_reminder_and_no_consent()
    {
        var down = false;
        var folder = Path.Combine(Path.GetTempPath(), $"wellbeingbot-fault-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var good = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "wellbeingbot.db") }.ToString();
        var gone = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "gone", "x.db"), Mode = SqliteOpenMode.ReadWrite }.ToString();
        using var chat = new ReminderConversation(Due.AddHours(-12), configure: s =>
            s.AddSingleton(sp => new SqlStorage(() => new SqliteConnection(down ? gone : good), sp.GetRequiredService<TimeProvider>())));
        await chat.SetDailyReminderAsync();

        down = true;
        chat.Time.SetUtcNow(Due);
        await Assert.ThrowsAnyAsync<Exception>(() => chat.Dispatcher.RunOnceAsync(CancellationToken.None));
        Assert.Contains("can't reach my storage", (await chat.Say("what do you know about me")).Text, StringComparison.Ordinal);
        Assert.Empty(chat.Sender.Sent);

        down = false;
        await chat.RunAt(Due.AddMinutes(20));
        await chat.RunAt(Due.AddMinutes(40));

        Assert.Single(chat.Sender.Sent);
        var profile = await chat.Services.GetRequiredService<UserDataStore>().GetAsync(UserKey.From(chat.User)!.Value, CancellationToken.None);
        Assert.True(profile!.RemindersAgreed);
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_connector_failing_for_a_while_gets_the_reminder_once_when_it_recovers()
    {
        using var chat = new ReminderConversation(Due.AddHours(-12));
        await chat.SetDailyReminderAsync();

        chat.Sender.Next = DeliveryResult.Failed;
        await chat.RunAt(Due);
        await chat.RunAt(Due.AddMinutes(5));
        chat.Sender.Next = DeliveryResult.Sent;
        await chat.RunAt(Due.AddMinutes(10));
        await chat.RunAt(Due.AddMinutes(15));

        Assert.Single(chat.Sender.Sent);
    }
}
