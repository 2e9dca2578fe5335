using System.Text.RegularExpressions;

namespace WellbeingBot.Bot;

public enum SmallTalkKind
{
    None,
    Greeting,
    Thanks,
}

/// <summary>Recognises a message that is only a greeting or thanks, so it gets a friendly reply rather than a search.</summary>
public static partial class SmallTalk
{
    public static SmallTalkKind Classify(string text) =>
        Greeting().IsMatch(text) ? SmallTalkKind.Greeting
        : Thanks().IsMatch(text) ? SmallTalkKind.Thanks
        : SmallTalkKind.None;

    [GeneratedRegex(@"^\W*(hi|hello|hey|hiya|hallo|hola|bonjour|good (morning|afternoon|evening)|help|start|menu|what can you do|who are you|what are you)( there)?( bot)?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^\W*(thanks|thank you|thx|ty|cheers|ok thanks|great,? thanks|merci|gracias|danke)( (so much|a lot|very much))?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Thanks();
}
