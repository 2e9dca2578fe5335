namespace WellbeingBot.Bot;

/// <summary>A user's message as the conversation logic sees it, free of any channel SDK type.</summary>
/// <param name="Text">What the user typed, or the text carried by a button; null when the message had none.</param>
/// <param name="HasAttachments">True when the user sent files or images, which the bot cannot read.</param>
/// <param name="Locale">The activity's locale ("en-AU"); its region is the last guess at the user's country.</param>
/// <param name="ConversationId">Identifies the conversation so that a crisis is remembered across turns; null remembers nothing.</param>
/// <param name="Country">The country the channel reports (Teams <c>clientInfo.country</c>), as an ISO code.</param>
/// <param name="UserId">The channel and its id for the person ("msteams:29:1a…"); hashed before anything stores or logs it.</param>
/// <param name="CardData">What a pressed card button sent (its text is already in <paramref name="Text"/>), or null.</param>
public sealed record IncomingMessage(
    string? Text,
    bool HasAttachments = false,
    string? Locale = null,
    string? ConversationId = null,
    string? Country = null,
    string? UserId = null,
    IReadOnlyDictionary<string, string>? CardData = null);
