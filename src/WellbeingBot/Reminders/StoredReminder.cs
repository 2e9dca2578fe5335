namespace WellbeingBot.Reminders;

/// <summary>A person's reminder as stored: the schedule, where to deliver it, when it is next due and the last local day sent.</summary>
/// <param name="Address">The channel's own description of the conversation to write to; only the channel edge reads it.</param>
/// <param name="Disabled">Why delivery stopped ("gone": the person removed the bot), or null while it is active.</param>
public sealed record StoredReminder(
    string UserKey, ReminderSchedule Schedule, string Address, DateTimeOffset? DueAt, DateOnly? LastSentDay, string? Disabled);
