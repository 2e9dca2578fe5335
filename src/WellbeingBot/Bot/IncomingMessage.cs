namespace WellbeingBot.Bot;

/// <summary>A user's message as the conversation logic sees it, free of any channel SDK type.</summary>
/// <param name="Text">What the user typed, or the text carried by a button; null when the message had none.</param>
/// <param name="HasAttachments">True when the user sent files or images, which the bot cannot read.</param>
/// <param name="Locale">The activity's locale ("en-AU"); its region is the last guess at the user's country.</param>
/// <param name="ConversationId">Identifies the conversation so that a crisis is remembered across turns; null remembers nothing.</param>
/// <param name="Country">The country the channel reports (Teams <c>clientInfo.country</c>), as an ISO code.</param>
/// <param name="UserId">The channel and its id for the person ("msteams:29:1a…"); hashed before anything stores or logs it.</param>
/// <param name="CardData">What a pressed card button sent (its text is already in <paramref name="Text"/>), or null.</param>
/// <param name="TimeZone">The IANA time zone the client reports (Teams <c>clientInfo.timezone</c>, Web Chat <c>localTimezone</c>).</param>
/// <param name="LocalOffset">The offset of the client's clock, when it sent a local timestamp but no zone.</param>
/// <param name="ReplyAddress">
/// Where a later, proactive message to this conversation goes, as the channel edge describes it (opaque here); null on
/// channels that cannot take one (a web chat that ends when the page closes).
/// </param>
public sealed record IncomingMessage(
    string? Text,
    bool HasAttachments = false,
    string? Locale = null,
    string? ConversationId = null,
    string? Country = null,
    string? UserId = null,
    IReadOnlyDictionary<string, string>? CardData = null,
    string? TimeZone = null,
    TimeSpan? LocalOffset = null,
    ReplyAddress? ReplyAddress = null);
