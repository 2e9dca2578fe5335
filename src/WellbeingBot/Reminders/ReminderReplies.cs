using System.Globalization;
using Microsoft.Extensions.Options;
using WellbeingBot.Bot;
using WellbeingBot.Meditation;
using WellbeingBot.State.Storage;

namespace WellbeingBot.Reminders;

/// <summary>What the bot says about reminders, and the reminder itself.</summary>
public sealed class ReminderReplies(ReplyComposer composer, IOptions<StorageOptions> storage)
{
    public const string Yes = "Yes, remind me";
    public const string No = "No thanks";

    private static readonly string[] Manage = [ReminderCommands.ListButton, ReminderCommands.StopButton];

    public BotReply AskTime() =>
        composer.Finish(ReplyKind.Reminder, "What time would you like your daily reminder? For example \"8am\", \"7:30 pm\" or \"19:30\".", ["8am", "12 noon", "7pm"]);

    public BotReply AskZone(TimeSpan? offset) =>
        composer.Finish(ReplyKind.Reminder,
            (offset is { } o ? $"Your device's clock is at UTC{Offset(o)}, but that doesn't tell me your time zone's daylight-saving rules. " : "")
            + "Which time zone are you in? Name a city, like \"London\" or \"Sydney\", or a zone like \"America/Chicago\".",
            ["London", "New York", "Sydney"]);

    public BotReply AskConsent(ReminderSchedule schedule) =>
        composer.Finish(ReplyKind.Reminder,
            $"I can remind you {Describe(schedule)}. To do that I would store the time, the days, your time zone, an address to "
            + "reach you in this chat and the date of your last message. Never what you write. It is deleted "
            + $"{(int)storage.Value.RetentionPeriod.TotalDays} days after your last message, or when you say \"stop reminders\" "
            + "or \"forget me\". Shall I?",
            [Yes, No]);

    public BotReply Confirmed(ReminderSchedule schedule, DateTimeOffset? first, string? zoneOffer) =>
        composer.Finish(ReplyKind.Reminder,
            $"Done: I'll remind you {Describe(schedule)}."
            + (first is { } f ? $" The first one is on {LocalDate(f, schedule)}." : "")
            + " Say \"change my reminder to 9\", \"pause reminders for a week\" or \"stop reminders\" any time."
            + ZoneOffer(zoneOffer),
            Manage);

    /// <summary>The reminder as a card with its buttons (pause or resume, stop), and the same in text for clients without cards.</summary>
    public BotReply Listed(ReminderSchedule schedule, DateTimeOffset? next, string? disabled, string? zoneOffer)
    {
        var text = disabled is not null
            ? $"Your reminder {Describe(schedule)} is switched off, because I could no longer reach you in that chat. Set it again to start it."
            : $"You have one reminder: {Describe(schedule)}."
              + (schedule.PausedUntil is { } p ? $" It is paused until {p.ToString("dddd d MMMM", CultureInfo.InvariantCulture)}." : "")
              + (next is { } n ? $" The next one is on {LocalDate(n, schedule)}." : "")
              + ZoneOffer(zoneOffer);
        var reply = composer.Finish(ReplyKind.Reminder, text, Manage);
        if (disabled is not null)
        {
            return reply;
        }

        var pause = schedule.PausedUntil is null ? Button("Pause for a week", "pause reminders for a week") : Button("Resume reminders", "resume reminders");
        return reply with { Card = new ReplyCard("Your daily reminder", schedule.TimeZone, text, composer.NotesText, [pause, Button("Stop reminders", "stop reminders")]) };
    }

    private static CardButton Button(string title, string text) => new(title, new Dictionary<string, string> { ["text"] = text });

    public BotReply None() =>
        composer.Finish(ReplyKind.Reminder, "You have no reminders. Say \"remind me to meditate every day at 8am\" to set one.", ["Remind me every day at 8am"]);

    public BotReply Stopped() =>
        composer.Finish(ReplyKind.Reminder, "Done: no more reminders, and the reminder is deleted. Say \"remind me\" whenever you want one again.", []);

    public BotReply Snoozed() => composer.Finish(ReplyKind.Reminder, "OK, I'll remind you again in 10 minutes.", []);

    public BotReply NotNow() => composer.Finish(ReplyKind.Reminder, "OK, no reminder, and nothing was stored.", []);

    public BotReply NotHere() =>
        composer.Finish(ReplyKind.Reminder,
            "I can't send reminders in this chat, because it ends when the page closes and I have no way to write to you later. "
            + "Reminders work in Microsoft Teams.", []);

    public BotReply Unavailable() =>
        composer.Finish(ReplyKind.Reminder, "I can't reach my storage right now, so I can't change reminders. Nothing was changed; please try again later.", []);

    public BotReply UnknownZone() =>
        composer.Finish(ReplyKind.Reminder, "I don't know that time zone. Name a large city near you, like \"Chicago\", or a zone like \"Europe/Paris\".", ["London", "New York", "Sydney"]);

    public BotReply ZoneSet(string zone, ReminderSchedule? schedule, DateTimeOffset? next) =>
        composer.Finish(ReplyKind.Reminder,
            $"Your time zone for reminders is now {zone}."
            + (schedule is not null ? $" Your reminder is {Describe(schedule)}" + (next is { } n ? $"; the next one is on {LocalDate(n, schedule)}." : ".") : ""),
            Manage);

    /// <summary>The reminder itself: a friendly line and one short session to start, or snooze, or stop.</summary>
    public BotReply Due(MeditationSession session) =>
        composer.Finish(ReplyKind.Reminder,
            $"Hello, this is your daily reminder to take a few minutes for yourself. How about **{session.Title}** ({session.Minutes} min)? {session.Summary}",
            [session.Offer, ReminderCommands.SnoozeButton, ReminderCommands.StopButton]);

    public static string Describe(ReminderSchedule schedule)
    {
        var days = schedule.Days.Count == 7 ? "every day"
            : schedule.Days.SequenceEqual(ReminderSchedule.Weekdays) ? "every weekday"
            : "every " + string.Join(", ", schedule.Days.Select(d => d.ToString()));
        return $"{days} at {Clock(schedule.At)} ({schedule.TimeZone} time)";
    }

    private static string Clock(TimeOnly at) =>
        $"{at.ToString("HH:mm", CultureInfo.InvariantCulture)} ({at.ToString(at.Minute == 0 ? "h tt" : "h:mm tt", CultureInfo.InvariantCulture).ToLowerInvariant()})";

    private static string LocalDate(DateTimeOffset instant, ReminderSchedule schedule) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone)).ToString("dddd d MMMM 'at' HH:mm", CultureInfo.InvariantCulture);

    private static string ZoneOffer(string? zone) =>
        zone is null ? "" : $"\n\nYour device now reports the time zone {zone}. Say \"use {zone} for reminders\" to switch, or \"keep\" followed by your current zone to stop me asking.";

    private static string Offset(TimeSpan offset) => (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
