using System.Text.RegularExpressions;

namespace WellbeingBot.Safety;

/// <summary>An emergency number of a country; the first one listed is the one to call for immediate danger.</summary>
public sealed record EmergencyNumber(string Number, string? Label);

/// <summary>A free helpline as reviewed in <c>knowledge/crisis/helplines.yaml</c>; only high- or medium-confidence entries exist.</summary>
/// <param name="Note">What a caller must know (not 24/7, regional, often busy), shown beside the line.</param>
public sealed record Helpline(
    string Name,
    IReadOnlyList<string> Phones,
    string? How,
    string? Text,
    string? TextKeyword,
    string? WhatsApp,
    Uri? Chat,
    string Hours,
    bool AlwaysOpen,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Topics,
    string Confidence,
    IReadOnlyList<Uri> Sources,
    DateOnly Verified,
    string? Note);

public sealed record CrisisCountry(
    string Code,
    string Name,
    IReadOnlyList<string> Names,
    IReadOnlyList<EmergencyNumber> Emergency,
    string EmergencySource,
    string? Note,
    IReadOnlyList<Helpline> Services)
{
    public DateOnly Verified => Services.Count == 0 ? DateOnly.MinValue : Services.Min(s => s.Verified);
}

/// <summary>The countries whose helplines the bot can give, and how people name them.</summary>
public sealed partial class CrisisDirectory
{
    private readonly Dictionary<string, CrisisCountry> byCode;
    private readonly (string Name, CrisisCountry Country, Regex? Exact)[] names; // a plain name is normalised and padded with spaces
    private readonly LiteralAutomaton plainNames; // literal i is names[i].Name, or for an abbreviation something no text holds

    public CrisisDirectory(DateOnly reviewed, IReadOnlyList<CrisisCountry> countries)
    {
        Reviewed = reviewed;
        Countries = countries;
        byCode = countries.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

        // Short capitalised forms ("US", "UK", "U.S.") are matched as written, so the word "us" never means a country.
        names = countries
            .SelectMany(c => c.Names.Select(n => IsAbbreviation(n) ? (n, c, AsWritten(n)) : ($" {SafetyText.Normalize(n)} ", c, (Regex?)null)))
            .OrderByDescending(n => n.Item1.Trim().Length)
            .ToArray();

        // Every message is checked for a country's name: one pass finds all the plain names instead of a search for each.
        // An abbreviation's slot gets a NUL, which normalised text never holds.
        plainNames = new LiteralAutomaton([.. names.Select(n => n.Exact is null ? n.Name : "\0")]);
    }

    public DateOnly Reviewed { get; }

    public IReadOnlyList<CrisisCountry> Countries { get; }

    public CrisisCountry? Find(string? code) =>
        code is not null && byCode.TryGetValue(code, out var country) ? country : null;

    /// <summary>The country a message names ("crisis line in Australia", "numéro d'urgence en France"), the longest name winning.</summary>
    public CrisisCountry? Mentioned(string text)
    {
        var present = plainNames.Find($" {SafetyText.Normalize(text)} ");
        for (var i = 0; i < names.Length; i++)
        {
            var (name, country, exact) = names[i];
            // An abbreviation is the literal text as written, so the regex (which checks the letters around it) runs only then.
            var found = exact is not null
                ? text.Contains(name, StringComparison.Ordinal) && exact.IsMatch(text)
                : present?.Contains(i) == true;
            if (found)
            {
                return country;
            }
        }

        return null;
    }

    private static bool IsAbbreviation(string name) => AbbreviationPattern().IsMatch(name);

    private static Regex AsWritten(string name) =>
        new($@"(?<![\p{{L}}.]){Regex.Escape(name)}(?![\p{{L}}])", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

    [GeneratedRegex(@"^(?:[A-Z]\.?){2,3}$|^[A-Z]{2,3}$|^[A-Z]{2}\.? ?[A-Z]{2}\.?$")]
    private static partial Regex AbbreviationPattern();
}
