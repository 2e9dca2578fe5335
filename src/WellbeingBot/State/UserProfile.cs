using System.Text.Json.Serialization;

namespace WellbeingBot.State;

/// <summary>
/// What is stored about a person, and only after they agreed: when they first agreed, when they last talked to the bot (for
/// the retention purge), and each thing they agreed to separately: the country for helplines; meditation progress, with the
/// place in a session so it survives a restart; daily reminders, with their home time zone (locked when they named it, so a
/// device reporting another zone is only offered, never applied). The reminder itself is in the reminders table. Never anything
/// they wrote.
/// </summary>
public sealed record UserProfile(
    DateTimeOffset ConsentedAt,
    DateTimeOffset LastActive,
    string? CountryCode = null,
    MeditationProgress? Progress = null,
    MeditationPosition? Meditation = null,
    bool RemindersAgreed = false,
    string? TimeZone = null,
    bool TimeZoneLocked = false);

[JsonSerializable(typeof(UserProfile))]
internal sealed partial class StateJson : JsonSerializerContext;
