namespace WellbeingBot.Bot;

/// <summary>A user's message as the conversation logic sees it, free of any channel SDK type.</summary>
/// <param name="Text">What the user typed, or the text carried by a button; null when the message had none.</param>
/// <param name="HasAttachments">True when the user sent files or images, which the bot cannot read.</param>
public sealed record IncomingMessage(string? Text, bool HasAttachments = false, string? Locale = null);
