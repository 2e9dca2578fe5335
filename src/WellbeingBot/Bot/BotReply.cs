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

    /// <summary>Meditation choices, a step of a guided session, its pause, end and the progress count.</summary>
    Meditation,

    /// <summary>Setting up or changing a daily reminder, and the reminder itself.</summary>
    Reminder,
}

/// <summary>One message from the bot, free of any channel SDK type. Built only by <see cref="ReplyComposer"/>.</summary>
/// <param name="Suggestions">Questions offered as buttons; pressing one sends its text back.</param>
/// <param name="Citations">Sources of a knowledge answer; empty for every other reply.</param>
/// <param name="Urgent">Marks a reply that must stand out (a crisis reply); false for everything else.</param>
/// <param name="Card">A card for channels that show them; <paramref name="Text"/> is then its fallback, notes included.</param>
public sealed record BotReply(
    ReplyKind Kind,
    string Text,
    IReadOnlyList<string> Suggestions,
    IReadOnlyList<Citation> Citations,
    bool Urgent = false,
    ReplyCard? Card = null);

/// <summary>A card with a title, a line under it, the main text, the notes in small print and buttons.</summary>
public sealed record ReplyCard(string Title, string? Subtitle, string Body, string Footer, IReadOnlyList<CardButton> Buttons);

/// <summary>A button that sends <paramref name="Data"/> back; its "text" entry is read as what the person said.</summary>
public sealed record CardButton(string Title, IReadOnlyDictionary<string, string> Data);

/// <param name="Position">The [n] marker in the reply text that this source explains.</param>
/// <param name="Abstract">A short extract (Teams shows at most 160 characters).</param>
public sealed record Citation(int Position, string Name, Uri Url, string Abstract);
