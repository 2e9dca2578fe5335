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
        Greeting().IsMatch(text) ? SmallTalkKind.Greeting
        : Thanks().IsMatch(text) ? SmallTalkKind.Thanks
        : More().IsMatch(text) ? SmallTalkKind.More
        : SmallTalkKind.None;

    [GeneratedRegex(@"^\W*(hi|hello|hey|hiya|hallo|hola|bonjour|good (morning|afternoon|evening)|help|start|menu|what can you do|what do you do|who are you|what are you|what( i|')?s your name|who (made|built|created|wrote|programmed) you|are you (a |an )?(bot|robot|ai|human|person|real( person)?|doctor))( there)?( bot)?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^\W*(thanks|thank you|thx|ty|cheers|ok thanks|great,? thanks|merci|gracias|danke)( (so much|a lot|very much))?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Thanks();

    [GeneratedRegex(@"^\W*((please )?(tell|show|give) me (more|the (full|whole|rest of the) (answer|text|passage))|(show|read|see) (the )?(full|whole) (answer|text|passage)|(the )?full answer|read more|more( info| information| details| please)?|go on|continue|(can you )?(explain|say) more)( please)?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex More();
}
