namespace WellbeingBot.Safety;

/// <summary>What kind of danger a message shows. The order is the priority when one message shows several.</summary>
public enum CrisisCategory
{
    /// <summary>Something is happening to the body now (overdose taken, cannot breathe): the emergency number comes first.</summary>
    MedicalEmergency,

    /// <summary>Asking for a method, an amount, a place or the means, or such a question after distress.</summary>
    Method,

    /// <summary>Suicidal intent, plan or wish, direct, passive, indirect or coded, and goodbyes or preparations.</summary>
    Suicide,

    SelfHarm,

    HarmToOthers,

    /// <summary>Abuse, sexual violence or domestic violence, disclosed by the person it happens to.</summary>
    Abuse,

    /// <summary>Someone else is at risk: a friend, partner or child.</summary>
    ThirdParty,
}

public static class CrisisCategories
{
    /// <summary>The spelling used in <c>knowledge/safety/</c> files and in metrics.</summary>
    public static string Name(this CrisisCategory category) => category switch
    {
        CrisisCategory.MedicalEmergency => "medical-emergency",
        CrisisCategory.Method => "method",
        CrisisCategory.Suicide => "suicide",
        CrisisCategory.SelfHarm => "self-harm",
        CrisisCategory.HarmToOthers => "harm-others",
        CrisisCategory.Abuse => "abuse",
        CrisisCategory.ThirdParty => "third-party",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static bool TryParse(string? name, out CrisisCategory category)
    {
        foreach (var c in Enum.GetValues<CrisisCategory>())
        {
            if (string.Equals(c.Name(), name, StringComparison.Ordinal))
            {
                category = c;
                return true;
            }
        }

        category = default;
        return false;
    }
}
