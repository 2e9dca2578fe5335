namespace WellbeingBot.Bot;

public enum ReplyKind
{
    Answer,
    NoAnswer,
    Welcome,
    Help,
    Acknowledgement,
    UnreadableInput,
    Apology,

    /// <summary>The answer to a message that may come from someone in crisis; the only kind sent as urgent.</summary>
    Crisis,

    /// <summary>The turn after a crisis reply: are you safe right now?</summary>
    CheckIn,

    SafeNow,

    Grounding,

    Helplines,

    /// <summary>The privacy notice, what the bot holds about the person, and "forget me".</summary>
    Privacy,
}

/// <summary>One message from the bot, free of any channel SDK type. Built only by <see cref="ReplyComposer"/>.</summary>
/// <param name="Suggestions">Questions offered as buttons; pressing one sends its text back.</param>
/// <param name="Citations">Sources of a knowledge answer; empty for every other reply.</param>
/// <param name="Urgent">Marks a reply that must stand out (a crisis reply); false for everything else.</param>
public sealed record BotReply(
    ReplyKind Kind,
    string Text,
    IReadOnlyList<string> Suggestions,
    IReadOnlyList<Citation> Citations,
    bool Urgent = false);

/// <param name="Position">The [n] marker in the reply text that this source explains.</param>
/// <param name="Abstract">A short extract (Teams shows at most 160 characters).</param>
public sealed record Citation(int Position, string Name, Uri Url, string Abstract);
