using System.Text.Json.Serialization;

namespace WellbeingBot.State;

/// <summary>
/// What is stored about a person, and only after they agreed: when they first agreed, when they last talked to the bot (for
/// the retention purge), and each thing they agreed to separately: the country for helplines; meditation progress, with the
/// place in a session so it survives a restart. Never anything they wrote.
/// </summary>
public sealed record UserProfile(
    DateTimeOffset ConsentedAt,
    DateTimeOffset LastActive,
    string? CountryCode = null,
    MeditationProgress? Progress = null,
    MeditationPosition? Meditation = null);

[JsonSerializable(typeof(UserProfile))]
internal sealed partial class StateJson : JsonSerializerContext;
