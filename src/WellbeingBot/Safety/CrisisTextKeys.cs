namespace WellbeingBot.Safety;

/// <summary>The keys of <c>replies.yaml</c> that the bot uses; the loader checks English has each of them.</summary>
public static class CrisisTextKeys
{
    public const string LinesIntro = "lines-intro";
    public const string LinesNone = "lines-none";
    public const string LinesUnknown = "lines-unknown";
    public const string DangerUnknown = "danger-unknown";
    public const string AbuseServices = "abuse-services";
    public const string AskCountry = "ask-country";
    public const string CountryKnown = "country-known";
    public const string Limits = "limits";
    public const string Checked = "checked";
    public const string ContactCall = "contact-call";
    public const string ContactText = "contact-text";
    public const string ContactTextKeyword = "contact-text-keyword";
    public const string ContactWhatsApp = "contact-whatsapp";
    public const string ContactChat = "contact-chat";
    public const string ContactOr = "contact-or";
    public const string ContactAlwaysOpen = "contact-always-open";
    public const string EmergencyOr = "emergency-or";
    public const string CheckIn = "check-in";
    public const string CheckInLines = "check-in-lines";
    public const string SafeNow = "safe-now";
    public const string SafeNowNext = "safe-now-next";
    public const string Grounding = "grounding";
    public const string GroundingAfter = "grounding-after";
    public const string ResourcesIntro = "resources-intro";
    public const string ResourcesDanger = "resources-danger";
    public const string Gentle = "gentle";
    public const string ButtonGrounding = "button-grounding";
    public const string ButtonSafe = "button-safe";
    public const string ButtonNotSafe = "button-not-safe";
    public const string ButtonHelplines = "button-helplines";

    public static string Acknowledge(CrisisCategory category) => $"acknowledge-{category.Name()}";

    public static string Danger(CrisisCategory category) => $"danger-{category.Name()}";

    /// <summary>A text that has a variant for some categories ("hope-abuse") and a general form for the rest ("hope").</summary>
    public static string ForCategory(string key, CrisisCategory category) => key + category switch
    {
        CrisisCategory.Abuse => "-abuse",
        CrisisCategory.ThirdParty => "-third-party",
        CrisisCategory.HarmToOthers when key == "hope" => "-harm-others",
        CrisisCategory.MedicalEmergency when key == "next-step" => "-medical-emergency",
        _ => "",
    };

    public static IEnumerable<string> All =>
        typeof(CrisisTextKeys).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
            .Concat(Enum.GetValues<CrisisCategory>().SelectMany(c => new[] { Acknowledge(c), Danger(c) }))
            .Concat(Enum.GetValues<CrisisCategory>().SelectMany(c => new[]
            {
                ForCategory("hope", c), ForCategory("next-step", c), ForCategory("lines-intro", c),
            }))
            .Distinct(StringComparer.Ordinal);
}
