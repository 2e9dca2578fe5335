namespace WellbeingBot.Reminders;

/// <summary>Local wall-clock times to instants, with the two daylight-saving cases handled on purpose.</summary>
public static class LocalTimes
{
    /// <summary>
    /// The instant of a local date and time in a zone. A time skipped by a spring-forward change (02:30 when clocks jump from
    /// 02:00 to 03:00) becomes the moment the clocks jump, 03:00; a time that happens twice on a fall-back day is taken the
    /// first time, so a reminder fires once.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset);
        }

        if (zone.IsInvalidTime(local))
        {
            // Walk back to the last minute before the gap; the gap starts a minute later, at the offset in force before it.
            var before = local;
            while (zone.IsInvalidTime(before))
            {
                before = before.AddMinutes(-1);
            }

            var offsetBefore = zone.GetUtcOffset(before);
            return new DateTimeOffset(before.AddMinutes(1), offsetBefore).ToOffset(zone.GetUtcOffset(local.AddHours(3)));
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>A zone by IANA id (or Windows id), or null when this machine does not know it.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return null;
        }
    }
}
