namespace WellbeingBot.Reminders;

/// <summary>
/// A daily reminder as the person set it: a local time on some days of the week, in their time zone (an IANA id such as
/// "Europe/London"), optionally paused until a local date. The instant it is due is always worked out from these with the
/// zone's full rules, never stored as a fixed offset, so it stays at 08:00 local across daylight-saving changes.
/// </summary>
public sealed record ReminderSchedule(TimeOnly At, IReadOnlyList<DayOfWeek> Days, string TimeZone, DateOnly? PausedUntil = null)
{
    public static readonly IReadOnlyList<DayOfWeek> EveryDay = Enum.GetValues<DayOfWeek>();

    public static readonly IReadOnlyList<DayOfWeek> Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>The first instant after <paramref name="after"/> at which the reminder is due, or null if it has no days.</summary>
    public DateTimeOffset? NextDue(DateTimeOffset after)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        for (var i = 0; i <= 8 + (PausedUntil is { } p ? Math.Max(0, p.DayNumber - day.DayNumber) : 0); i++)
        {
            var date = day.AddDays(i);
            if (!Days.Contains(date.DayOfWeek) || (PausedUntil is { } until && date < until))
            {
                continue;
            }

            var due = LocalTimes.ToInstant(date, At, zone);
            if (due > after)
            {
                return due;
            }
        }

        return null;
    }

    /// <summary>The local date of an instant in the person's zone: the key that allows one reminder per local day.</summary>
    public DateOnly LocalDay(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);
}
