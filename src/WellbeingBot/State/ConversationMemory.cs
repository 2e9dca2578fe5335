using WellbeingBot.Safety;

namespace WellbeingBot.State;

/// <summary>Where a conversation stands after a crisis reply, so the next turns keep the door open.</summary>
public enum CrisisStage
{
    None,

    /// <summary>A crisis reply was sent; the next turn checks in.</summary>
    CrisisSent,

    /// <summary>The bot asked "are you safe right now?"; the next turn may answer it.</summary>
    CheckInAsked,
}

/// <summary>
/// The last knowledge answer: its passage, so "tell me more" can send the full text, and its subject (indexed words such as
/// "spravato esketamin", never the user's text), so a follow-up that names none stays on it.
/// </summary>
public sealed record LastAnswer(string PassageId, string? Subject, DateTimeOffset At);

/// <summary>What a question about storing something is waiting on: the person's yes or no.</summary>
public enum ConsentPurpose
{
    /// <summary>Remember the country for helplines in later conversations.</summary>
    Country,

    /// <summary>Count finished meditation sessions and minutes.</summary>
    Progress,

    /// <summary>A daily reminder: its time, days and time zone, and where to send it.</summary>
    Reminder,
}

/// <summary>A reminder being set up, waiting for a time, a time zone or a yes; held in memory only.</summary>
public sealed record ReminderDraft(TimeOnly? At, IReadOnlyList<DayOfWeek> Days, string? TimeZone, bool Change = false);

/// <param name="Value">What would be stored on a yes (a country code, a finished session's id); held in memory only until then.</param>
public sealed record ConsentRequest(ConsentPurpose Purpose, string Value);

/// <summary>
/// What one conversation needs to remember between turns to keep someone safe and to follow up on an answer. No message text,
/// no user id: only that distress was shown (so a later means question is recognised), whether the last message mentioned a
/// crisis in an informational frame (so "that's me" is recognised), the crisis stage, the language of the crisis reply, a
/// country the person named, the last answer, a yes/no question waiting for its answer, the place in a guided meditation and
/// the kind of meditation that fits what they said (a purpose such as "sleep", never their words). Held in memory only and
/// dropped after the conversation goes quiet (see <see cref="ConversationMemoryStore"/>).
/// </summary>
public sealed record ConversationMemory(
    bool DistressShown = false,
    CrisisStage Stage = CrisisStage.None,
    CrisisCategory? LastCrisis = null,
    string? Language = null,
    string? CountryCode = null,
    bool AskedForCountry = false,
    CrisisCategory? GuardedLastTurn = null,
    LastAnswer? LastAnswer = null,
    bool ForgetRequested = false,
    ConsentRequest? PendingConsent = null,
    MeditationPosition? Meditation = null,
    string? Mood = null,
    bool ProgressDeclined = false,
    ReminderDraft? PendingReminder = null)
{
    public static readonly ConversationMemory Empty = new();
}
