using System.Text.RegularExpressions;
using WellbeingBot.Knowledge;

namespace WellbeingBot.Safety;

/// <summary>
/// Reads <c>knowledge/crisis/helplines.yaml</c> and refuses any entry a person in crisis should not be given: no source, no
/// verified date, low confidence, no way to reach it, or a number that is not a number.
/// </summary>
public static partial class CrisisDirectoryLoader
{
    public const string FileName = "helplines.yaml";

    public static CrisisDirectory LoadFolder(string folder) =>
        Parse(Path.Combine(folder, FileName), ReviewedYaml.Read(folder, FileName, "the crisis helplines"));

    public static CrisisDirectory Parse(string file, string text)
    {
        var (raw, source) = ReviewedYaml.Parse<DirectoryFile>(file, text);
        var reviewed = source.Reviewed(raw.Reviewed);
        var countries = new List<CrisisCountry>();
        var seenNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in raw.Countries ?? [])
        {
            if (c?.Code is null || !CodePattern().IsMatch(c.Code))
            {
                throw source.Error("countries:", "every country needs a code: its ISO 3166-1 alpha-2 code in capitals");
            }

            var at = $"code: {c.Code}";
            if (countries.Any(x => x.Code == c.Code))
            {
                throw source.Error(at, $"country {c.Code} is listed twice");
            }

            if (string.IsNullOrWhiteSpace(c.Name) || (c.Names ?? []).Count == 0)
            {
                throw source.Error(at, $"{c.Code} needs a name and the names people use for it");
            }

            foreach (var name in c.Names!)
            {
                if (string.IsNullOrWhiteSpace(name) || !seenNames.Add(name))
                {
                    throw source.Error(at, $"{c.Code}: the name '{name}' is empty or used by another country");
                }
            }

            var emergency = (c.Emergency ?? []).Select(e => new EmergencyNumber(
                IsDialable(e?.Number) ? e!.Number!.Trim() : throw source.Error(at, $"{c.Code}: emergency number '{e?.Number}' is not a number"),
                string.IsNullOrWhiteSpace(e.Label) ? null : e.Label.Trim())).ToArray();
            if (emergency.Length == 0 || string.IsNullOrWhiteSpace(c.EmergencySource))
            {
                throw source.Error(at, $"{c.Code} needs its emergency number and where that number comes from");
            }

            var services = (c.Services ?? []).Select(s => Service(s, c.Code, source.Error)).ToArray();
            countries.Add(new CrisisCountry(c.Code, c.Name.Trim(), c.Names!.Select(n => n!.Trim()).ToArray(), emergency, c.EmergencySource.Trim(), c.Note?.Trim(), services));
        }

        return countries.Count == 0
            ? throw source.Error("countries:", "there are no countries")
            : new CrisisDirectory(reviewed, countries);
    }

    private static Helpline Service(ServiceEntry? s, string code, Func<string, string, KnowledgeFormatException> error)
    {
        var at = s?.Name ?? $"code: {code}";
        if (s is null || string.IsNullOrWhiteSpace(s.Name))
        {
            throw error($"code: {code}", $"{code}: every service needs a name");
        }

        var who = $"{code} '{s.Name}'";
        if (s.Confidence is not ("high" or "medium"))
        {
            throw error(at, $"{who}: only high- or medium-confidence services may be given to people in crisis");
        }

        var sources = (s.Sources ?? []).Select(u => Uri.TryCreate(u, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
            ? url
            : throw error(at, $"{who}: source '{u}' is not an http(s) address")).ToArray();
        if (sources.Length == 0)
        {
            throw error(at, $"{who} needs at least one source");
        }

        var verified = ReviewedYaml.Date(s.Verified) ?? throw error(at, $"{who} needs the date it was verified, as yyyy-mm-dd");
        var phones = (s.Phones ?? []).Select(p => IsDialable(p) ? p!.Trim() : throw error(at, $"{who}: phone '{p}' is not a number")).ToArray();
        foreach (var number in new[] { s.Text, s.Whatsapp }.Where(n => n is not null))
        {
            if (!IsDialable(number))
            {
                throw error(at, $"{who}: '{number}' is not a number");
            }
        }

        Uri? chat = null;
        if (s.Chat is not null && !(Uri.TryCreate(s.Chat, UriKind.Absolute, out chat) && chat.Scheme == "https"))
        {
            throw error(at, $"{who}: chat '{s.Chat}' must be an https address");
        }

        if (phones.Length == 0 && s.Text is null && s.Whatsapp is null && chat is null)
        {
            throw error(at, $"{who} gives no way to reach it");
        }

        return new Helpline(
            s.Name.Trim(), phones, s.How?.Trim(), s.Text?.Trim(), s.TextKeyword?.Trim(), s.Whatsapp?.Trim(), chat,
            string.IsNullOrWhiteSpace(s.Hours) ? throw error(at, $"{who} needs its hours") : s.Hours.Trim(),
            s.AlwaysOpen, s.Languages ?? [], s.Topics ?? [], s.Confidence, sources, verified, s.Note?.Trim());
    }

    private static bool IsDialable(string? number) => number is not null && DialablePattern().IsMatch(number.Trim());

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CodePattern();

    // Digits with the grouping people write: spaces, dashes, dots, brackets, and a leading + or *.
    [GeneratedRegex(@"^[+*]?[0-9][0-9 ()\-.]*[0-9]$")]
    private static partial Regex DialablePattern();

    // Mutable shapes only for YamlDotNet, which rejects unknown keys.
    private sealed class DirectoryFile
    {
        public string? Reviewed { get; set; }
        public List<CountryEntry?>? Countries { get; set; }
    }

    private sealed class CountryEntry
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public List<string?>? Names { get; set; }
        public List<EmergencyEntry?>? Emergency { get; set; }
        public string? EmergencySource { get; set; }
        public string? Note { get; set; }
        public List<ServiceEntry?>? Services { get; set; }
    }

    private sealed class EmergencyEntry
    {
        public string? Number { get; set; }
        public string? Label { get; set; }
    }

    private sealed class ServiceEntry
    {
        public string? Name { get; set; }
        public List<string?>? Phones { get; set; }
        public string? How { get; set; }
        public string? Text { get; set; }
        public string? TextKeyword { get; set; }
        public string? Whatsapp { get; set; }
        public string? Chat { get; set; }
        public string? Hours { get; set; }
        public bool AlwaysOpen { get; set; }
        public List<string>? Languages { get; set; }
        public List<string>? Topics { get; set; }
        public string? Confidence { get; set; }
        public List<string?>? Sources { get; set; }
        public string? Verified { get; set; }
        public string? Note { get; set; }
    }
}
