using System.Globalization;
using System.Text.RegularExpressions;

namespace WellbeingBot.Reminders;

public enum ReminderAction
{
    None,

    /// <summary>"remind me to meditate every day at 8am".</summary>
    Set,

    /// <summary>"change my reminder to 9".</summary>
    Change,
    Pause,
    Resume,
    Stop,
    List,
    Snooze,

    /// <summary>"my time zone is Europe/Paris", "use Paris time for reminders".</summary>
    SetTimeZone,
}

/// <param name="At">The time named, or null when none was ("remind me in the morning" asks which time).</param>
/// <param name="Days">The days named, or null for "the same days as before" (every day for a new reminder).</param>
/// <param name="PauseDays">For a pause: how many days.</param>
/// <param name="Zone">For a time zone: the zone named, or null when it was not recognised.</param>
public sealed record ReminderCommand(
    ReminderAction Action, TimeOnly? At = null, IReadOnlyList<DayOfWeek>? Days = null, int PauseDays = 0, TimeZoneInfo? Zone = null)
{
    public static readonly ReminderCommand None = new(ReminderAction.None);
}

/// <summary>Reads reminder requests in everyday words: 12- and 24-hour times, "noon", weekdays, "for a week".</summary>
public static partial class ReminderCommands
{
    public const string SnoozeButton = "Snooze 10 minutes";
    public const string StopButton = "Stop reminders";
    public const string ListButton = "What are my reminders?";

    public static ReminderCommand Parse(string text)
    {
        if (Snooze().IsMatch(text))
        {
            return new(ReminderAction.Snooze);
        }

        if (Stop().IsMatch(text))
        {
            return new(ReminderAction.Stop);
        }

        if (List().IsMatch(text))
        {
            return new(ReminderAction.List);
        }

        if (PauseWords().Match(text) is { Success: true } pause)
        {
            return new(ReminderAction.Pause, PauseDays: PauseLength(pause.Groups["length"].Value));
        }

        if (ResumeWords().IsMatch(text))
        {
            return new(ReminderAction.Resume);
        }

        if (ZoneWords().Match(text) is { Success: true } zone)
        {
            return new(ReminderAction.SetTimeZone, Zone: TimeZoneNames.Find(zone.Groups["zone"].Value));
        }

        if (Change().IsMatch(text))
        {
            return new(ReminderAction.Change, Time(text), DaysIn(text));
        }

        return Set().IsMatch(text) ? new(ReminderAction.Set, Time(text), DaysIn(text)) : ReminderCommand.None;
    }

    /// <summary>The time a message names: "8am", "7:30 pm", "19:30", "at 9", "noon", "8 in the evening"; null if none.</summary>
    public static TimeOnly? Time(string text)
    {
        if (Noon().IsMatch(text))
        {
            return new TimeOnly(12, 0);
        }

        if (Midnight().IsMatch(text))
        {
            return new TimeOnly(0, 0);
        }

        var match = Clock().Match(text);
        if (!match.Success || (!match.Groups["m"].Success && !match.Groups["ap"].Success && !match.Groups["at"].Success))
        {
            return null;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var afternoon = match.Groups["ap"].Value.StartsWith('p') || (!match.Groups["ap"].Success && Evening().IsMatch(text));
        var morning = match.Groups["ap"].Value.StartsWith('a');
        if ((afternoon || morning) && hour is < 1 or > 12)
        {
            return null;
        }

        hour = afternoon && hour < 12 ? hour + 12 : morning && hour == 12 ? 0 : hour;
        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59 ? new TimeOnly(hour, minute) : null;
    }

    /// <summary>The days a message names, or null when it names none.</summary>
    public static IReadOnlyList<DayOfWeek>? DaysIn(string text)
    {
        if (Weekdays().IsMatch(text))
        {
            return ReminderSchedule.Weekdays;
        }

        if (Weekends().IsMatch(text))
        {
            return [DayOfWeek.Saturday, DayOfWeek.Sunday];
        }

        if (EveryDay().IsMatch(text))
        {
            return ReminderSchedule.EveryDay;
        }

        var named = DayNames().Matches(text)
            .Select(m => Enum.GetValues<DayOfWeek>().First(d => d.ToString().StartsWith(m.Groups["d"].Value[..3], StringComparison.OrdinalIgnoreCase)))
            .Distinct()
            .Order()
            .ToArray();
        return named.Length > 0 ? named : null;
    }

    private static int PauseLength(string length) => length.ToLowerInvariant() switch
    {
        "" or "a week" or "one week" or "1 week" or "7 days" => 7,
        "a day" or "one day" or "1 day" or "today" or "tomorrow" => 1,
        "two weeks" or "2 weeks" or "a fortnight" => 14,
        var other when DaysCount().Match(other) is { Success: true } m => Math.Clamp(int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture), 1, 90),
        _ => 7,
    };

    [GeneratedRegex(@"\b(remind me|reminder to (meditate|practi[cs]e|breathe)|(set|add|create|make|schedule|want|need|like) (up )?(a |an |my )?(daily |weekday |meditation )?reminder|daily reminder|meditation reminder|remind (me )?(daily|every day))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Set();

    [GeneratedRegex(@"\b(change|move|update|set|switch|make) (my |the )?(daily |meditation )?reminders? (to|for|at)\b|\breminders? (to|at) \d", RegexOptions.IgnoreCase)]
    private static partial Regex Change();

    [GeneratedRegex(@"^\W*(snooze( (it|for))?( 10| ten)?( min(ute)?s?)?|remind me (again )?in (10|ten) min(ute)?s?)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Snooze();

    [GeneratedRegex(@"\b((stop|cancel|delete|remove|end|turn off|disable|switch off|no more) (all |my |the |daily |meditation )*reminders?|stop reminding me|don'?t remind me( any ?more)?|unsubscribe)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Stop();

    [GeneratedRegex(@"^\W*(what are my reminders|what reminders? (do i have|have i set)|(show|list|see)( me)? (all )?(my )?reminders?|my reminders?|when is my reminder|when will you remind me|reminders?)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex List();

    [GeneratedRegex(@"\bpause (all |my |the |daily )*reminders?( for (?<length>a week|one week|1 week|two weeks|2 weeks|a fortnight|a day|one day|1 day|\d+ days?|today|tomorrow))?", RegexOptions.IgnoreCase)]
    private static partial Regex PauseWords();

    [GeneratedRegex(@"\b(resume|unpause|restart|turn on|switch on) (all |my |the |daily )*reminders?\b", RegexOptions.IgnoreCase)]
    private static partial Regex ResumeWords();

    [GeneratedRegex(@"^\W*((my )?time ?zone is|set my time ?zone to|change my time ?zone to|use|keep|i'?m in the time ?zone) (?<zone>[\w/+\-:. ]{2,40}?)( time)?( for (my )?reminders?| time ?zone)?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex ZoneWords();

    [GeneratedRegex(@"(?<n>\d+) days?")]
    private static partial Regex DaysCount();

    [GeneratedRegex(@"\b(?<at>at |to |for |@ ?)?(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<ap>a\.?m\.?|p\.?m\.?)?(?!\d)(?! ?(days?|weeks?|min))", RegexOptions.IgnoreCase)]
    private static partial Regex Clock();

    [GeneratedRegex(@"\b(in the (evening|afternoon)|at night|tonight|this evening)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Evening();

    [GeneratedRegex(@"\b(noon|midday|12 ?noon)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Noon();

    [GeneratedRegex(@"\bmidnight\b", RegexOptions.IgnoreCase)]
    private static partial Regex Midnight();

    [GeneratedRegex(@"\b(week ?days|every weekday|on weekdays|monday (to|through|-) friday|mon-fri)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Weekdays();

    [GeneratedRegex(@"\b(weekends?|saturdays? and sundays?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Weekends();

    [GeneratedRegex(@"\b(every ?day|daily|each day|every morning|every evening|every night)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EveryDay();

    [GeneratedRegex(@"\b(?<d>mon|tue|wed|thu|fri|sat|sun)(day|s|sday|nesday|rsday|urday)?s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayNames();
}
