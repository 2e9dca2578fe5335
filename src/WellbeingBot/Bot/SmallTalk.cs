using System.Text.RegularExpressions;

namespace WellbeingBot.Bot;

public enum SmallTalkKind
{
    None,
    Greeting,
    Thanks,

    /// <summary>"Tell me more": the full text of the last answer.</summary>
    More,
}

/// <summary>Recognises a message that is only a greeting, thanks or "tell me more", so it gets its reply rather than a search.</summary>
public static partial class SmallTalk
{
    public static SmallTalkKind Classify(string text) =>
        Greeting().IsMatch(text) || (text.Length <= MaxAboutBotLength && AboutBot().IsMatch(text)) ? SmallTalkKind.Greeting
        : Thanks().IsMatch(text) ? SmallTalkKind.Thanks
        : More().IsMatch(text) ? SmallTalkKind.More
        : SmallTalkKind.None;

    [GeneratedRegex(@"^\W*(hi|hello|hey|hiya|hallo|hola|bonjour|good (morning|afternoon|evening)|help|start|menu|what can you do|what do you do|who are you|what are you|what( i|')?s your name|who (made|built|created|wrote|programmed) you|are you (a |an )?(bot|robot|ai|human|person|real( person)?|doctor))( there)?( bot)?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    // A short message asking what the bot is ("are you a real person or a bot?", "who made this chatbot") gets the
    // introduction, which says what it is; a long one is a question that happens to mention it and is searched.
    private const int MaxAboutBotLength = 80;

    [GeneratedRegex(@"\b(are|r) (you|u) (a |an |just a |actually a )?(real|human|person|bot|robot|ai|machine|computer|doctor|nurse)\b|\bwho (made|built|created|wrote|programmed|runs|owns|designed) (you|this( chat)? ?(bot|chatbot|assistant|thing)?)\b|\bwhat (are|r) (you|u)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AboutBot();

    [GeneratedRegex(@"^\W*(thanks|thank you|thx|ty|cheers|ok thanks|great,? thanks|merci|gracias|danke)( (so much|a lot|very much))?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Thanks();

    [GeneratedRegex(@"^\W*((please )?(tell|show|give) me (more|the (full|whole|rest of the) (answer|text|passage))|(show|read|see) (the )?(full|whole) (answer|text|passage)|(the )?full answer|read more|more( info| information| details| please)?|go on|continue|(can you )?(explain|say) more)( please)?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex More();
}
