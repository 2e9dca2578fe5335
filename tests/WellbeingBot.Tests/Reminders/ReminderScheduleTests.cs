using WellbeingBot.Reminders;

namespace WellbeingBot.Tests.Reminders;

/// <summary>Local times stay local: 08:00 is 08:00 on both sides of every daylight-saving change, in zones with and without one.</summary>
public sealed class ReminderScheduleTests
{
    // Each zone with a day before and after each of its 2026 transitions (Tokyo has none).
    public static TheoryData<string, string, string> Transitions() => new()
    {
        { "America/New_York", "2026-03-07", "2026-03-09" },
        { "America/New_York", "2026-10-31", "2026-11-02" },
        { "Europe/Berlin", "2026-03-28", "2026-03-30" },
        { "Europe/Berlin", "2026-10-24", "2026-10-26" },
        { "Europe/London", "2026-03-28", "2026-03-30" },
        { "Europe/London", "2026-10-24", "2026-10-26" },
        { "Australia/Sydney", "2026-04-04", "2026-04-06" },
        { "Australia/Sydney", "2026-10-03", "2026-10-05" },
        { "Asia/Tokyo", "2026-03-07", "2026-03-09" },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void A_daily_reminder_is_due_at_the_same_local_time_across_a_transition(string zone, string before, string after)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var schedule = new ReminderSchedule(new TimeOnly(8, 0), ReminderSchedule.EveryDay, zone);
        var from = LocalTimes.ToInstant(DateOnly.Parse(before, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(9, 0), tz);

        var first = schedule.NextDue(from)!.Value;
        var second = schedule.NextDue(first)!.Value;

        foreach (var due in new[] { first, second })
        {
            Assert.Equal(new TimeOnly(8, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, tz).DateTime));
        }

        Assert.Equal(DateOnly.Parse(after, System.Globalization.CultureInfo.InvariantCulture), schedule.LocalDay(second));
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-08", "03:00")]
    [InlineData("Europe/Berlin", "2026-03-29", "03:00")]
    [InlineData("Europe/London", "2026-03-29", "02:00")]
    [InlineData("Australia/Sydney", "2026-10-04", "03:00")]
    public void A_time_skipped_by_spring_forward_fires_when_the_clocks_jump(string zone, string day, string expected)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        // London's clocks jump from 01:00 to 02:00, so 01:30 is the skipped time there; elsewhere 02:30.
        var skipped = zone == "Europe/London" ? new TimeOnly(1, 30) : new TimeOnly(2, 30);
        Assert.True(tz.IsInvalidTime(date.ToDateTime(skipped)));
        var due = LocalTimes.ToInstant(date, skipped, tz);

        Assert.Equal(expected, TimeZoneInfo.ConvertTime(due, tz).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(date, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, tz).DateTime));
    }

    [Theory]
    [InlineData("America/New_York", "2026-11-01")]
    [InlineData("Europe/Berlin", "2026-10-25")]
    [InlineData("Australia/Sydney", "2026-04-05")]
    public void A_time_repeated_by_fall_back_fires_once(string zone, string day)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var repeated = zone == "America/New_York" ? new TimeOnly(1, 30) : new TimeOnly(2, 30);
        Assert.True(tz.IsAmbiguousTime(date.ToDateTime(repeated)));
        var schedule = new ReminderSchedule(repeated, ReminderSchedule.EveryDay, zone);

        var first = schedule.NextDue(LocalTimes.ToInstant(date, new TimeOnly(0, 0), tz))!.Value;
        var next = schedule.NextDue(first)!.Value;

        Assert.Equal(date, schedule.LocalDay(first));
        Assert.Equal(date.AddDays(1), schedule.LocalDay(next));
        Assert.True(next - first > TimeSpan.FromHours(23));
    }

    [Fact]
    public void Weekdays_skip_the_weekend_and_a_pause_skips_to_its_end()
    {
        var schedule = new ReminderSchedule(new TimeOnly(19, 30), ReminderSchedule.Weekdays, "Europe/London");
        var friday = LocalTimes.ToInstant(new DateOnly(2026, 11, 27), new TimeOnly(20, 0), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

        Assert.Equal(new DateOnly(2026, 11, 30), schedule.LocalDay(schedule.NextDue(friday)!.Value));
        var paused = schedule with { PausedUntil = new DateOnly(2026, 12, 7) };
        Assert.Equal(new DateOnly(2026, 12, 7), paused.LocalDay(paused.NextDue(friday)!.Value));
    }
}
