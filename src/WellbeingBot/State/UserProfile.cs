using System.Text.Json.Serialization;

namespace WellbeingBot.State;

/// <summary>
/// What is stored about a person, and only after they agreed: when they agreed, when they last talked to the bot (for the
/// retention purge) and the country they asked the bot to remember for helplines. Never anything they wrote.
/// </summary>
public sealed record UserProfile(DateTimeOffset ConsentedAt, DateTimeOffset LastActive, string? CountryCode = null);

[JsonSerializable(typeof(UserProfile))]
internal sealed partial class StateJson : JsonSerializerContext;
