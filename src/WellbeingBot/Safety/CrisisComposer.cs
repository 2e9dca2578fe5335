using System.Globalization;
using System.Text;
using WellbeingBot.Bot;
using static WellbeingBot.Safety.CrisisTextKeys;

namespace WellbeingBot.Safety;

/// <summary>
/// Writes every reply of the crisis path from the reviewed texts and the country's helplines: resources first and usable at once
/// (tappable <c>tel:</c> links), never a method or an amount, never a knowledge passage. Notes are added by <see cref="ReplyComposer"/>.
/// </summary>
public sealed class CrisisComposer(CrisisTexts texts, CrisisDirectory directory, ReplyComposer composer)
{
    private const int MaxLines = 3;

    public BotReply Crisis(CrisisCategory category, IReadOnlyList<CrisisCategory> all, CountryChoice country, string language)
    {
        var t = new Writer(texts, language);
        var text = new StringBuilder();
        var danger = country.Country is null
            ? t[DangerUnknown]
            : t[Danger(category)].Replace("{emergency}", Emergency(country.Country, t), StringComparison.Ordinal);

        // In a medical emergency the number to call comes before anything else.
        if (category == CrisisCategory.MedicalEmergency)
        {
            text.Append(danger).Append("\n\n").Append(t[Acknowledge(category)]);
        }
        else
        {
            text.Append(t[Acknowledge(category)]).Append("\n\n").Append(danger);
        }

        text.Append("\n\n").Append(Lines(country, t, t[ForCategory("lines-intro", category)]));
        if (category == CrisisCategory.Abuse || all.Contains(CrisisCategory.Abuse))
        {
            text.Append("\n\n").Append(t[AbuseServices]);
        }

        if (category != CrisisCategory.MedicalEmergency)
        {
            text.Append("\n\n").Append(t[ForCategory("hope", category)]);
        }

        text.Append("\n\n").Append(t[ForCategory("next-step", category)]);
        text.Append("\n\n").Append(CountryLine(country, t)).Append(' ').Append(t[Limits]).Append(' ').Append(Checked(t));
        IReadOnlyList<string> buttons = category switch
        {
            CrisisCategory.MedicalEmergency => [],
            CrisisCategory.ThirdParty => [t[ButtonHelplines]],
            _ => [t[ButtonGrounding], t[ButtonHelplines]],
        };
        return composer.Finish(ReplyKind.Crisis, text.ToString(), buttons, urgent: true);
    }

    /// <summary>The turn after a crisis reply: ask directly whether the person is safe, and give the lines again.</summary>
    public BotReply CheckIn(CountryChoice country, string language)
    {
        var t = new Writer(texts, language);
        var text = $"{t[CrisisTextKeys.CheckIn]}\n\n{DangerLine(country, t)}\n\n{Lines(country, t, t[CheckInLines])}";
        return composer.Finish(ReplyKind.CheckIn, text, [t[ButtonSafe], t[ButtonNotSafe], t[ButtonGrounding]]);
    }

    public BotReply SafeNow(CountryChoice country, string language)
    {
        var t = new Writer(texts, language);
        var text = $"{Lines(country, t, t[CrisisTextKeys.SafeNow])}\n\n{DangerLine(country, t)}\n\n{t[SafeNowNext]}";
        return composer.Finish(ReplyKind.SafeNow, text, [t[ButtonGrounding]]);
    }

    public BotReply Grounding(CountryChoice country, string language)
    {
        var t = new Writer(texts, language);
        var text = $"{t[CrisisTextKeys.Grounding]}\n\n{t[GroundingAfter]}\n\n{DangerLine(country, t)}";
        return composer.Finish(ReplyKind.Grounding, text, [t[ButtonSafe], t[ButtonNotSafe]]);
    }

    /// <summary>Someone asked for helplines: the country's lines, or the emergency rule, the directory and a question.</summary>
    public BotReply Helplines(CountryChoice country, string language, bool askIfSafe)
    {
        var t = new Writer(texts, language);
        var text = new StringBuilder();
        text.Append(Lines(country, t, t[ResourcesIntro].Replace("{country}", country.Name ?? "", StringComparison.Ordinal)))
            .Append("\n\n").Append(DangerLine(country, t))
            .Append("\n\n").Append(CountryLine(country, t)).Append(' ').Append(Checked(t));
        if (askIfSafe)
        {
            text.Append("\n\n").Append(t[GroundingAfter]);
        }

        IReadOnlyList<string> buttons = askIfSafe ? [t[ButtonSafe], t[ButtonNotSafe]] : [t[ButtonGrounding]];
        return composer.Finish(ReplyKind.Helplines, text.ToString(), buttons);
    }

    /// <summary>The line an ordinary answer gets when it touches suicide, self-harm or overdose.</summary>
    public string Gentle(string language) => new Writer(texts, language)[CrisisTextKeys.Gentle];

    private static string Lines(CountryChoice country, Writer t, string intro)
    {
        if (country.Country is null)
        {
            return country.Code is null ? t[LinesUnknown] : t[LinesNone].Replace("{country}", country.Name, StringComparison.Ordinal);
        }

        var services = country.Country.Services;
        if (services.Count == 0)
        {
            return t[LinesNone].Replace("{country}", country.Country.Name, StringComparison.Ordinal)
                + (country.Country.Note is null ? "" : $" {country.Country.Note}");
        }

        var text = new StringBuilder(intro);
        foreach (var line in services.Take(MaxLines))
        {
            text.Append("\n- ").Append(Line(line, t));
        }

        return text.ToString();
    }

    private static string Line(Helpline line, Writer t)
    {
        var contacts = new List<string>();
        if (line.Phones.Count > 0)
        {
            contacts.Add(t[ContactCall].Replace("{number}", string.Join($" {t[ContactOr]} ", line.Phones.Select(Tel)), StringComparison.Ordinal));
        }

        if (line.Text is not null)
        {
            contacts.Add(line.TextKeyword is null
                ? t[ContactText].Replace("{number}", line.Text, StringComparison.Ordinal)
                : t[ContactTextKeyword].Replace("{keyword}", line.TextKeyword, StringComparison.Ordinal).Replace("{number}", line.Text, StringComparison.Ordinal));
        }

        if (line.WhatsApp is not null)
        {
            contacts.Add(t[ContactWhatsApp].Replace("{number}", line.WhatsApp, StringComparison.Ordinal));
        }

        if (line.Chat is not null)
        {
            contacts.Add(t[ContactChat].Replace("{link}", line.Chat.ToString(), StringComparison.Ordinal));
        }

        var hours = line.AlwaysOpen ? t[ContactAlwaysOpen] : line.Hours;
        var text = $"**{line.Name}**: {string.Join("; ", contacts)} ({hours}).";
        if (line.How is not null)
        {
            text += $" {line.How}";
        }

        return line.Note is null ? text : $"{text} _{line.Note}_";
    }

    private static string DangerLine(CountryChoice country, Writer t) =>
        country.Country is null
            ? t[DangerUnknown]
            : t[ResourcesDanger].Replace("{emergency}", Emergency(country.Country, t), StringComparison.Ordinal);

    private static string Emergency(CrisisCountry country, Writer t) =>
        string.Join($" {t[EmergencyOr]} ", country.Emergency.Select(e => e.Label is null ? Tel(e.Number) : $"{Tel(e.Number)} ({e.Label})"));

    private static string CountryLine(CountryChoice country, Writer t) =>
        country.Country is null
            ? t[AskCountry]
            : t[CountryKnown].Replace("{country}", country.Country.Name, StringComparison.Ordinal);

    private string Checked(Writer t) =>
        t[CrisisTextKeys.Checked].Replace("{date}", directory.Reviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal);

    // Phone numbers become links a phone can dial straight away; the visible text stays as people write it.
    private static string Tel(string number) => $"[{number}](tel:{new string(number.Where(c => char.IsAsciiDigit(c) || c is '+' or '*').ToArray())})";

    private readonly struct Writer(CrisisTexts texts, string language)
    {
        public string this[string key] => texts.Get(language, key);
    }
}
