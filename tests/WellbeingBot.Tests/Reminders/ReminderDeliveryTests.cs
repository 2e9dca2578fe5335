using Microsoft.Extensions.DependencyInjection;
using WellbeingBot.Reminders;
using WellbeingBot.State;
using WellbeingBot.Tests.State.Storage;

namespace WellbeingBot.Tests.Reminders;

/// <summary>Delivery at the person's local time, exactly once, across daylight-saving days, restarts, crashes and instances.</summary>
public sealed class ReminderDeliveryTests
{
    [Theory]
    [InlineData("America/New_York", "2026-10-30", "08:00")]
    [InlineData("Europe/Berlin", "2026-10-23", "08:00")]
    [InlineData("Australia/Sydney", "2026-10-02", "08:00")]
    [InlineData("Europe/London", "2026-03-27", "01:30")]
    public async Task A_reminder_goes_out_once_a_day_at_its_local_time_on_ordinary_and_daylight_saving_days(string zone, string startDay, string at)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var start = LocalTimes.ToInstant(DateOnly.Parse(startDay, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(12, 0), tz);
        using var chat = new ReminderConversation(start) { DeviceZone = zone };
        await chat.SetDailyReminderAsync(at);

        // The dispatcher's timer, every 15 minutes for four days across the change.
        for (var tick = start; tick < start.AddDays(4); tick = tick.AddMinutes(15))
        {
            await chat.RunAt(tick);
        }

        var sent = chat.Sender.Sent.Select(s => TimeZoneInfo.ConvertTime(s.At, tz)).ToList();
        Assert.Equal(4, sent.Count);
        Assert.Equal(4, sent.Select(s => s.Date).Distinct().Count());
        var expected = TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(sent, s => Assert.True(
            TimeOnly.FromDateTime(s.DateTime) == expected || tz.IsInvalidTime(s.Date + expected.ToTimeSpan()) && s.DateTime.Hour == expected.Hour + 1 && s.Minute == 0,
            $"sent at {s:yyyy-MM-dd HH:mm zzz}"));
        Assert.All(chat.Sender.Sent, s => Assert.StartsWith("Try ", s.Reply.Suggestions[0], StringComparison.Ordinal));
        Assert.Equal([ReminderCommands.SnoozeButton, ReminderCommands.StopButton], chat.Sender.Sent.First().Reply.Suggestions.Skip(1));
    }

    [Fact]
    public async Task A_crash_between_sending_and_recording_never_sends_twice_after_a_restart()
    {
        var due = new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
        using var chat = new ReminderConversation(due.AddHours(-12));
        await chat.SetDailyReminderAsync();

        // An instance claims the reminder, marks the day and sends, then dies before recording the send.
        chat.Time.SetUtcNow(due);
        var store = chat.Services.GetRequiredService<ReminderStore>();
        var claimed = Assert.Single(await store.ClaimAsync("crashed", due, TimeSpan.FromMinutes(2), 10, CancellationToken.None));
        Assert.True(await store.MarkSendingAsync(UserKey.Parse(claimed.UserKey), "crashed", claimed.Schedule.LocalDay(due), CancellationToken.None));

        chat.Restart();
        await chat.RunAt(due.AddMinutes(1));
        Assert.Empty(chat.Sender.Sent);
        await chat.RunAt(due.AddMinutes(3));

        Assert.Empty(chat.Sender.Sent);
        await chat.RunAt(due.AddDays(1));
        Assert.Single(chat.Sender.Sent);
    }

    [Fact]
    public async Task A_crash_after_claiming_but_before_sending_is_picked_up_when_the_lease_ends()
    {
        var due = new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
        using var chat = new ReminderConversation(due.AddHours(-12));
        await chat.SetDailyReminderAsync();
        await chat.Services.GetRequiredService<ReminderStore>().ClaimAsync("crashed", due, TimeSpan.FromMinutes(2), 10, CancellationToken.None);

        chat.Restart();
        await chat.RunAt(due.AddMinutes(1));
        Assert.Empty(chat.Sender.Sent);
        await chat.RunAt(due.AddMinutes(3));

        Assert.Single(chat.Sender.Sent);
    }

    [Theory]
    [InlineData(90, 1)]
    [InlineData(150, 0)]
    public async Task A_reminder_missed_while_down_is_sent_within_two_hours_and_otherwise_skipped_to_the_next_day(int minutesLate, int sentToday)
    {
        var due = new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
        using var chat = new ReminderConversation(due.AddHours(-12));
        await chat.SetDailyReminderAsync();

        await chat.RunAt(due.AddMinutes(minutesLate));
        Assert.Equal(sentToday, chat.Sender.Sent.Count);
        await chat.RunAt(due.AddDays(1));

        Assert.Equal(sentToday + 1, chat.Sender.Sent.Count);
    }

    [Fact]
    public async Task A_conversation_that_is_gone_disables_the_reminder_and_a_failure_is_retried()
    {
        var due = new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
        using var chat = new ReminderConversation(due.AddHours(-12));
        await chat.SetDailyReminderAsync();

        chat.Sender.Next = DeliveryResult.Failed;
        await chat.RunAt(due);
        chat.Sender.Next = DeliveryResult.Sent;
        await chat.RunAt(due.AddMinutes(5));
        Assert.Single(chat.Sender.Sent);

        chat.Sender.Next = DeliveryResult.Gone;
        await chat.RunAt(due.AddDays(1));
        chat.Sender.Next = DeliveryResult.Sent;
        await chat.RunAt(due.AddDays(2));
        Assert.Single(chat.Sender.Sent);
        Assert.Contains("switched off", (await chat.Say("what are my reminders")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snooze_sends_the_reminder_again_ten_minutes_later()
    {
        var due = new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
        using var chat = new ReminderConversation(due.AddHours(-12));
        await chat.SetDailyReminderAsync();
        await chat.RunAt(due);

        Assert.Contains("10 minutes", (await chat.Say(ReminderCommands.SnoozeButton)).Text, StringComparison.Ordinal);
        await chat.RunAt(due.AddMinutes(9));
        Assert.Single(chat.Sender.Sent);
        await chat.RunAt(due.AddMinutes(11));
        Assert.Equal(2, chat.Sender.Sent.Count);
    }

    [Fact]
    public async Task Two_instances_sharing_postgresql_send_every_reminder_exactly_once()
    {
        var connection = Environment.GetEnvironmentVariable(PostgreSqlStorageTests.Variable)
            ?? throw new InvalidOperationException($"This test needs PostgreSQL: set {PostgreSqlStorageTests.Variable} (bash .ci/run does).");
        var due = new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
        var settings = new Dictionary<string, string?> { ["Storage:PostgreSql"] = connection, ["Reminders:BatchSize"] = "25" };
        using var first = new ReminderConversation(due, settings);
        using var second = new ReminderConversation(due, settings);
        var run = Guid.NewGuid().ToString("N");
        var store = first.Services.GetRequiredService<ReminderStore>();
        var schedule = new ReminderSchedule(new TimeOnly(8, 0), ReminderSchedule.EveryDay, "Etc/UTC");
        for (var i = 0; i < 300; i++)
        {
            await store.SaveAsync(UserKey.From($"test:{run}:{i}")!.Value, schedule, $"{run}:{i}", due, due, CancellationToken.None);
        }

        // Both dispatchers race over the same due rows until none are left.
        await Task.WhenAll(
            Task.Run(async () => { while (await first.Dispatcher.RunOnceAsync(CancellationToken.None) > 0) { } }),
            Task.Run(async () => { while (await second.Dispatcher.RunOnceAsync(CancellationToken.None) > 0) { } }));

        var ours = first.Sender.Sent.Concat(second.Sender.Sent).Where(s => s.Address.StartsWith(run, StringComparison.Ordinal)).ToList();
        Assert.Equal(300, ours.Count);
        Assert.Equal(300, ours.Select(s => s.Address).Distinct().Count());
        Assert.NotEmpty(first.Sender.Sent);
        Assert.NotEmpty(second.Sender.Sent);
    }
}
