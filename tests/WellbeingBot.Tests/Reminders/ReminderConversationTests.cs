using Microsoft.Extensions.DependencyInjection;
using WellbeingBot.Reminders;
using WellbeingBot.State;

namespace WellbeingBot.Tests.Reminders;

/// <summary>Setting and managing a reminder in a chat, as a new Teams user would.</summary>
public sealed class ReminderConversationTests
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 28, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_new_user_sets_every_day_at_8am_and_sees_it_confirmed_with_their_zone_after_a_yes()
    {
        using var chat = new ReminderConversation(Evening);

        var ask = await chat.Say("remind me to meditate every day at 8am");
        Assert.Equal([ReminderReplies.Yes, ReminderReplies.No], ask.Suggestions);
        Assert.Contains("every day at 08:00 (8 am) (Europe/London time)", ask.Text, StringComparison.Ordinal);
        Assert.Contains("Never what you write", ask.Text, StringComparison.Ordinal);
        Assert.Null(await Stored(chat));

        var done = await chat.Say(ReminderReplies.Yes);

        Assert.Contains("Done: I'll remind you every day at 08:00 (8 am) (Europe/London time)", done.Text, StringComparison.Ordinal);
        Assert.Contains("The first one is on Sunday 29 November at 08:00", done.Text, StringComparison.Ordinal);
        Assert.Contains(TestKnowledge.Base.Notes.SeekHelp, done.Text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero), (await Stored(chat))!.DueAt);
    }

    [Fact]
    public async Task A_no_stores_nothing_and_a_web_chat_without_an_address_is_told_where_reminders_work()
    {
        using var chat = new ReminderConversation(Evening);
        await chat.Say("remind me every weekday at 7:30 pm");
        Assert.Contains("nothing was stored", (await chat.Say("no thanks")).Text, StringComparison.Ordinal);
        Assert.Null(await Stored(chat));

        chat.Address = null;
        Assert.Contains("Reminders work in Microsoft Teams", (await chat.Say("remind me every day at 8am")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_time_or_a_zone_the_bot_asks_for_them()
    {
        using var chat = new ReminderConversation(Evening) { DeviceZone = null };

        Assert.Contains("What time", (await chat.Say("remind me to meditate in the morning")).Text, StringComparison.Ordinal);
        Assert.Contains("Which time zone", (await chat.Say("7:15")).Text, StringComparison.Ordinal);
        var ask = await chat.Say("Sydney");
        Assert.Contains("every day at 07:15 (7:15 am) (Australia/Sydney time)", ask.Text, StringComparison.Ordinal);
        await chat.Say("yes");

        Assert.Equal("Australia/Sydney", (await Stored(chat))!.Schedule.TimeZone);
    }

    [Fact]
    public async Task Change_pause_list_and_stop_manage_the_one_reminder()
    {
        using var chat = new ReminderConversation(Evening);
        await chat.SetDailyReminderAsync();

        Assert.Contains("every day at 09:00 (9 am)", (await chat.Say("change my reminder to 9")).Text, StringComparison.Ordinal);
        var card = (await chat.Say("what are my reminders")).Card!;
        Assert.Equal(["Pause for a week", "Stop reminders"], card.Buttons.Select(b => b.Title));

        // Pressing the card's button sends its text, as Teams and Web Chat do for Action.Submit.
        var paused = await chat.Say(card.Buttons[0].Data["text"]);
        Assert.Contains("paused until Saturday 5 December", paused.Text, StringComparison.Ordinal);
        Assert.Contains("The next one is on Saturday 5 December at 09:00", (await chat.Say("what are my reminders")).Text, StringComparison.Ordinal);

        Assert.Contains("no more reminders", (await chat.Say("stop reminders")).Text, StringComparison.Ordinal);
        Assert.Null(await Stored(chat));
        Assert.Contains("You have no reminders", (await chat.Say("what are my reminders")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_zone_reported_by_the_device_is_offered_not_applied_and_a_named_zone_is_kept()
    {
        using var chat = new ReminderConversation(Evening);
        await chat.SetDailyReminderAsync();

        chat.DeviceZone = "America/New_York";
        var listed = await chat.Say("what are my reminders");

        Assert.Contains("Your device now reports the time zone America/New_York", listed.Text, StringComparison.Ordinal);
        Assert.Equal("Europe/London", (await Stored(chat))!.Schedule.TimeZone);

        var moved = await chat.Say("use America/New_York for reminders");
        Assert.Contains("now America/New_York", moved.Text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 13, 0, 0, TimeSpan.Zero), (await Stored(chat))!.DueAt);
        chat.DeviceZone = "Asia/Tokyo";
        Assert.DoesNotContain("now reports", (await chat.Say("what are my reminders")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_me_deletes_the_reminder_and_no_reminder_is_sent_afterwards()
    {
        using var chat = new ReminderConversation(Evening);
        await chat.SetDailyReminderAsync();

        var known = (await chat.Say("what do you know about me")).Text;
        Assert.Contains("your daily reminder, every day at 08:00 (8 am) (Europe/London time)", known, StringComparison.Ordinal);
        Assert.Contains("your time zone, Europe/London, for reminders", known, StringComparison.Ordinal);

        await chat.Say("forget me");
        await chat.Say("yes");
        await chat.RunAt(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));

        Assert.Null(await Stored(chat));
        Assert.Empty(chat.Sender.Sent);
    }

    private static Task<StoredReminder?> Stored(ReminderConversation chat) =>
        chat.Services.GetRequiredService<ReminderStore>().GetAsync(UserKey.From(chat.User)!.Value, CancellationToken.None);
}
