using System.Text.RegularExpressions;

namespace WellbeingBot.Bot;

public enum SmallTalkKind
{
    None,
    Greeting,
    Thanks,

    /// <summary>"Tell me more": the full text of the last answer.</summary>
    More,

    /// <summary>"privacy": what the bot keeps and for how long.</summary>
    Privacy,

    /// <summary>"what do you know about me": everything held about this person, in plain words.</summary>
    WhatDoYouKnow,

    /// <summary>"forget me": delete everything held about this person, after one confirmation.</summary>
    ForgetMe,

    /// <summary>"my country is Ireland", "I live in Canada": the country for helplines, which the bot may offer to remember.</summary>
    SetCountry,
}

/// <summary>Recognises a message that is only a greeting, thanks or "tell me more", so it gets its reply rather than a search.</summary>
public static partial class SmallTalk
{
    public static SmallTalkKind Classify(string text) =>
        Greeting().IsMatch(text) || (text.Length <= MaxAboutBotLength && AboutBot().IsMatch(text)) ? SmallTalkKind.Greeting
        : Thanks().IsMatch(text) ? SmallTalkKind.Thanks
        : More().IsMatch(text) ? SmallTalkKind.More
        : Privacy().IsMatch(text) ? SmallTalkKind.Privacy
        : WhatDoYouKnow().IsMatch(text) ? SmallTalkKind.WhatDoYouKnow
        : ForgetMe().IsMatch(text) ? SmallTalkKind.ForgetMe
        : SetCountry().IsMatch(text) ? SmallTalkKind.SetCountry
        : SmallTalkKind.None;

    [GeneratedRegex(@"^\W*(hi|hello|hey|hiya|hallo|hola|bonjour|good (morning|afternoon|evening)|help|start|menu|ask|ask a question|what can you do|what do you do|who are you|what are you|what( i|')?s your name|who (made|built|created|wrote|programmed) you|are you (a |an )?(bot|robot|ai|human|person|real( person)?|doctor))( there)?( bot)?\W*$", RegexOptions.IgnoreCase)]
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

    [GeneratedRegex(@"^\W*(privacy|privacy (notice|policy|info|information)|(is|are) (this|it|my (data|chats?|messages?)) (private|safe|stored|saved|recorded)|what do you (store|keep|save|record|log)|do you (store|keep|save|record|log) (anything|my (data|messages?|chats?|questions?)))\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Privacy();

    [GeneratedRegex(@"^\W*(what (do|did) you (know|have|remember|hold|store|keep) (about|on) me|what (data|information|info) do you (have|hold|keep|store) (about|on) me|show (me )?my data)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex WhatDoYouKnow();

    [GeneratedRegex(@"^\W*((please )?(forget|erase|delete|remove|wipe) (me|my (data|information|info|details|history|conversation))|(delete|erase|wipe) (everything|all) (about me|you (know|have) about me))\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex ForgetMe();

    // The whole message is the statement; the country itself is found by the crisis directory, which knows the names.
    [GeneratedRegex(@"^\W*(please )?((set|change|update|save|make) my (country|location|region) (to|as)|my (country|location) is( now)?|remember (that )?(i live|i'?m|i am|i'?m based|i am based) in|(i live|i'?m based|i am based|i'?m located|i am located|i'?m living|i am living|i'?m|i am) in|use (the )?(helplines|numbers|hotlines) (for|from|in)) (the )?[\p{L} .'’-]{2,40}\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex SetCountry();
}
