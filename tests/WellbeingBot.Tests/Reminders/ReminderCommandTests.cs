using WellbeingBot.Reminders;

namespace WellbeingBot.Tests.Reminders;

public sealed class ReminderCommandTests
{
    [Theory]
    [InlineData("remind me to meditate every day at 8am", ReminderAction.Set, "08:00", 7)]
    [InlineData("Remind me every weekday at 7:30 pm", ReminderAction.Set, "19:30", 5)]
    [InlineData("set a daily reminder for 19:30", ReminderAction.Set, "19:30", 7)]
    [InlineData("remind me at noon on mondays and thursdays", ReminderAction.Set, "12:00", 2)]
    [InlineData("remind me to meditate in the morning", ReminderAction.Set, null, 0)]
    [InlineData("remind me at 7 in the evening", ReminderAction.Set, "19:00", 0)]
    [InlineData("change my reminder to 9", ReminderAction.Change, "09:00", 0)]
    [InlineData("move my reminder to 6:45am", ReminderAction.Change, "06:45", 0)]
    public void Reminder_requests_are_read_with_their_time_and_days(string text, ReminderAction action, string? at, int days)
    {
        var command = ReminderCommands.Parse(text);

        Assert.Equal(action, command.Action);
        Assert.Equal(at, command.At?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(days, command.Days?.Count ?? 0);
    }

    [Theory]
    [InlineData("pause reminders for a week", ReminderAction.Pause)]
    [InlineData("stop reminders", ReminderAction.Stop)]
    [InlineData("Stop reminders", ReminderAction.Stop)]
    [InlineData("please stop reminding me", ReminderAction.Stop)]
    [InlineData("what are my reminders", ReminderAction.List)]
    [InlineData("What are my reminders?", ReminderAction.List)]
    [InlineData("Snooze 10 minutes", ReminderAction.Snooze)]
    [InlineData("resume reminders", ReminderAction.Resume)]
    [InlineData("my time zone is Europe/Paris", ReminderAction.SetTimeZone)]
    [InlineData("use Australia/Sydney for reminders", ReminderAction.SetTimeZone)]
    [InlineData("how long does ketamine last", ReminderAction.None)]
    [InlineData("can I stop ketamine treatment", ReminderAction.None)]
    [InlineData("stop", ReminderAction.None)]
    public void Managing_reminders_is_recognised_and_nothing_else_is(string text, ReminderAction action) =>
        Assert.Equal(action, ReminderCommands.Parse(text).Action);

    [Theory]
    [InlineData("pause reminders for a week", 7)]
    [InlineData("pause my reminders for 3 days", 3)]
    [InlineData("pause reminders for two weeks", 14)]
    public void A_pause_lasts_what_was_asked(string text, int days) => Assert.Equal(days, ReminderCommands.Parse(text).PauseDays);

    [Theory]
    [InlineData("Sydney", "Australia/Sydney")]
    [InlineData("new york", "America/New_York")]
    [InlineData("Europe/Paris", "Europe/Paris")]
    [InlineData("Narnia", null)]
    public void A_time_zone_is_found_by_city_or_id(string text, string? expected) => Assert.Equal(expected, TimeZoneNames.Find(text)?.Id);
}
