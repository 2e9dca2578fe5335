using WellbeingBot.Bot;
using WellbeingBot.State;
using WellbeingBot.State.Storage;

namespace WellbeingBot.Reminders;

/// <summary>
/// The reminder conversation: set ("remind me to meditate every day at 8am"), change, pause, resume, stop, list, snooze and the
/// time zone. A reminder is stored only after a yes; the time zone comes from what the person said, then their saved home
/// zone, then the one their device reports; a device reporting a new zone later is offered, never applied silently.
/// </summary>
public sealed class ReminderGuide(ReminderStore reminders, UserDataStore users, StorageGate gate, ReminderReplies replies, TimeProvider time)
{
    public async Task<(BotReply? Reply, ConversationMemory Memory)> HandleAsync(
        string text, IncomingMessage message, UserKey? user, StoredProfile stored, ConversationMemory memory, CancellationToken cancellationToken)
    {
        if (memory.PendingConsent is { Purpose: ConsentPurpose.Reminder } && memory.PendingReminder is { } agreed)
        {
            memory = memory with { PendingConsent = null, PendingReminder = null };
            switch (PrivacyCommands.ConsentAnswer(text))
            {
                case true:
                    return (await SaveAsync(agreed, message, user!.Value, stored, cancellationToken), memory);
                case false:
                    return (replies.NotNow(), memory);
            }
        }

        var command = ReminderCommands.Parse(text);
        if (command.Action == ReminderAction.None && memory.PendingReminder is { } draft)
        {
            // The answer to "what time?" or "which time zone?"; anything else drops the draft.
            memory = memory with { PendingReminder = null };
            if (draft.At is null && ReminderCommands.Time(text) is { } at)
            {
                return await ContinueAsync(draft with { At = at }, message, user, stored, memory, cancellationToken);
            }

            if (draft.At is not null && draft.TimeZone is null && TimeZoneNames.Find(text) is { } named)
            {
                return await ContinueAsync(draft with { TimeZone = named.Id }, message, user, stored, memory, cancellationToken);
            }
        }

        if (command.Action == ReminderAction.None)
        {
            return (null, memory);
        }

        if (user is not { } key || message.ReplyAddress is null)
        {
            return (replies.NotHere(), memory);
        }

        if (stored.Unavailable)
        {
            return (replies.Unavailable(), memory);
        }

        try
        {
            return await gate.RunAsync(token => RunAsync(command, message, key, stored, memory, token), cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            return (replies.Unavailable(), memory);
        }
    }

    /// <summary>Keeps the delivery address current for people with a reminder; an outage here costs nothing.</summary>
    public async Task RefreshAddressAsync(UserKey user, ReplyAddress? address, StoredProfile stored, CancellationToken cancellationToken)
    {
        if (address is null || stored.Profile?.RemindersAgreed != true)
        {
            return;
        }

        try
        {
            await gate.RunAsync(token => reminders.UpdateAddressAsync(user, address.Value, token), cancellationToken);
        }
        catch (StorageUnavailableException)
        {
        }
    }

    private async Task<(BotReply?, ConversationMemory)> RunAsync(
        ReminderCommand command, IncomingMessage message, UserKey user, StoredProfile stored, ConversationMemory memory, CancellationToken cancellationToken)
    {
        var existing = await reminders.GetAsync(user, cancellationToken);
        var now = time.GetUtcNow();
        switch (command.Action)
        {
            case ReminderAction.Set:
            case ReminderAction.Change:
                var days = command.Days ?? existing?.Schedule.Days ?? ReminderSchedule.EveryDay;
                var at = command.At ?? (command.Action == ReminderAction.Change ? existing?.Schedule.At : null);
                var named = existing?.Schedule.TimeZone ?? memory.PendingReminder?.TimeZone;
                return await ContinueAsync(new ReminderDraft(at, days, named), message, user, stored, memory with { PendingReminder = null }, cancellationToken);
            case ReminderAction.SetTimeZone when command.Zone is null:
                return (replies.UnknownZone(), memory);
            case ReminderAction.SetTimeZone:
                if (stored.Profile is null)
                {
                    // Nothing is stored without a yes: the zone waits in memory for the reminder it belongs to.
                    return (replies.ZoneSet(command.Zone!.Id, null, null), memory with { PendingReminder = new ReminderDraft(null, ReminderSchedule.EveryDay, command.Zone.Id) });
                }

                await users.UpdateAsync(user, p => p is null ? null : p with { TimeZone = command.Zone!.Id, TimeZoneLocked = true }, cancellationToken);
                var moved = existing is null ? null : existing.Schedule with { TimeZone = command.Zone!.Id };
                var nextDue = moved?.NextDue(now);
                if (moved is not null && existing!.Disabled is null)
                {
                    await reminders.SaveAsync(user, moved, message.ReplyAddress!.Value, nextDue, now, cancellationToken);
                }

                return (replies.ZoneSet(command.Zone.Id, moved, nextDue), memory);
        }

        if (existing is null)
        {
            return (replies.None(), memory);
        }

        var offer = ZoneOffer(message, stored.Profile);
        switch (command.Action)
        {
            case ReminderAction.Stop:
                await reminders.EraseAsync(user, cancellationToken);
                return (replies.Stopped(), memory);
            case ReminderAction.Snooze:
                await reminders.SnoozeAsync(user, now.AddMinutes(10), cancellationToken);
                return (replies.Snoozed(), memory);
            case ReminderAction.Pause:
            case ReminderAction.Resume:
                var today = existing.Schedule.LocalDay(now);
                var schedule = existing.Schedule with { PausedUntil = command.Action == ReminderAction.Pause ? today.AddDays(command.PauseDays) : null };
                var next = schedule.NextDue(now);
                await reminders.SaveAsync(user, schedule, message.ReplyAddress!.Value, next, now, cancellationToken);
                return (replies.Listed(schedule, next, null, offer), memory);
            default:
                return (replies.Listed(existing.Schedule, existing.DueAt, existing.Disabled, offer), memory);
        }
    }

    private async Task<(BotReply?, ConversationMemory)> ContinueAsync(
        ReminderDraft draft, IncomingMessage message, UserKey? user, StoredProfile stored, ConversationMemory memory, CancellationToken cancellationToken)
    {
        if (draft.At is null)
        {
            return (replies.AskTime(), memory with { PendingReminder = draft });
        }

        var zone = draft.TimeZone ?? stored.Profile?.TimeZone ?? LocalTimes.Find(message.TimeZone)?.Id;
        if (zone is null)
        {
            return (replies.AskZone(message.LocalOffset), memory with { PendingReminder = draft });
        }

        var complete = draft with { TimeZone = zone };
        if (user is not { } key || message.ReplyAddress is null)
        {
            return (replies.NotHere(), memory);
        }

        if (stored.Profile?.RemindersAgreed != true)
        {
            var schedule = new ReminderSchedule(complete.At!.Value, complete.Days, zone);
            return (replies.AskConsent(schedule), memory with { PendingReminder = complete, PendingConsent = new ConsentRequest(ConsentPurpose.Reminder, "reminder") });
        }

        try
        {
            return (await gate.RunAsync(token => SaveAsync(complete, message, key, stored, token), cancellationToken), memory);
        }
        catch (StorageUnavailableException)
        {
            return (replies.Unavailable(), memory);
        }
    }

    private async Task<BotReply> SaveAsync(ReminderDraft draft, IncomingMessage message, UserKey user, StoredProfile stored, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var schedule = new ReminderSchedule(draft.At!.Value, draft.Days, draft.TimeZone!);
        try
        {
            await users.UpdateAsync(user, p => p is null
                ? new UserProfile(now, now, RemindersAgreed: true, TimeZone: schedule.TimeZone)
                : p with { LastActive = now, RemindersAgreed = true, TimeZone = p.TimeZoneLocked ? p.TimeZone : schedule.TimeZone }, cancellationToken);
            var first = schedule.NextDue(now);
            await gate.RunAsync(token => reminders.SaveAsync(user, schedule, message.ReplyAddress!.Value, first, now, token), cancellationToken);
            return replies.Confirmed(schedule, first, ZoneOffer(message, stored.Profile));
        }
        catch (StorageUnavailableException)
        {
            return replies.Unavailable();
        }
    }

    // A zone the device reports that differs from the saved one is offered; a zone the person named (locked) is never questioned.
    private static string? ZoneOffer(IncomingMessage message, UserProfile? profile) =>
        profile is { TimeZone: { } saved, TimeZoneLocked: false } && LocalTimes.Find(message.TimeZone) is { } reported && reported.Id != saved
            ? reported.Id
            : null;
}
