using System.Globalization;

namespace WellbeingBot.Safety;

/// <summary>Where the country of a reply came from; the README's "Crisis safety" section explains the order.</summary>
public enum CountrySource
{
    Unknown,

    /// <summary>The person named it in this message.</summary>
    Said,

    /// <summary>The person named it earlier in this conversation.</summary>
    Conversation,

    /// <summary>The person asked the bot to remember it, in an earlier conversation.</summary>
    Saved,

    /// <summary>The channel reported it (Teams <c>clientInfo.country</c>).</summary>
    Channel,

    /// <summary>The region of the activity's locale ("en-AU").</summary>
    Locale,
}

/// <param name="Country">The country's helplines, or null when the country is unknown or not in the directory.</param>
/// <param name="Code">The ISO code even when the directory has no entry for it, so the reply can say so.</param>
public sealed record CountryChoice(CrisisCountry? Country, string? Code, CountrySource Source)
{
    public static readonly CountryChoice Unknown = new(null, null, CountrySource.Unknown);

    /// <summary>The country's name for a reply, also for a country the directory has no lines for.</summary>
    public string? Name => Country?.Name ?? RegionName(Code);

    private static string? RegionName(string? code)
    {
        try
        {
            return code is null ? null : new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}

/// <summary>
/// Picks the country whose resources a reply shows: what the person says comes first, then what they said earlier in the
/// conversation, then the country they asked the bot to remember, then what the channel reports, then the locale's region.
/// Never a default country: unknown stays unknown.
/// </summary>
public sealed class CountryResolver(CrisisDirectory directory)
{
    public CountryChoice Resolve(string text, string? remembered, string? saved, string? channelCountry, string? locale)
    {
        var said = directory.Mentioned(text);
        if (said is not null)
        {
            return new CountryChoice(said, said.Code, CountrySource.Said);
        }

        return Choose(remembered, CountrySource.Conversation)
            ?? Choose(saved, CountrySource.Saved)
            ?? Choose(channelCountry, CountrySource.Channel)
            ?? Choose(Region(locale), CountrySource.Locale)
            ?? CountryChoice.Unknown;
    }

    private CountryChoice? Choose(string? code, CountrySource source)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Trim().Length != 2 || !code.Trim().All(char.IsAsciiLetter))
        {
            return null;
        }

        var upper = code.Trim().ToUpperInvariant();
        return new CountryChoice(directory.Find(upper), upper, source);
    }

    // "en-AU" -> "AU"; "zh-Hant-TW" -> "TW"; "es-419" and "de" have no country.
    private static string? Region(string? locale) =>
        locale?.Split('-', '_').Skip(1).LastOrDefault(p => p.Length == 2 && p.All(char.IsAsciiLetter));
}
