using System.Text.RegularExpressions;
using WellbeingBot.Knowledge;
using WellbeingBot.Safety;

namespace WellbeingBot.Tests.Safety;

/// <summary>The helplines people in crisis are given: enough countries, every entry sourced and dated, no number made up.</summary>
public sealed partial class HelplineDirectoryTests
{
    private static CrisisDirectory Directory => TestConversation.Safety.Directory;

    [Fact]
    public void At_least_forty_countries_have_a_sourced_dated_line_of_high_or_medium_confidence()
    {
        var withLines = Directory.Countries.Where(c => c.Services.Count > 0).ToArray();
        Assert.True(withLines.Length >= 40, $"{withLines.Length} countries");
        foreach (var line in Directory.Countries.SelectMany(c => c.Services))
        {
            Assert.NotEmpty(line.Sources);
            Assert.NotEqual(default, line.Verified);
            Assert.Contains(line.Confidence, new[] { "high", "medium" });
        }

        Assert.All(Directory.Countries, c => Assert.NotEmpty(c.Emergency));
    }

    [Fact]
    public void Every_number_comes_from_the_research_file()
    {
        // Grouping is dropped so "0800 111 0 111" in the research matches "0800 111 0 111" here, and nothing else does.
        // Data/crisis-lines.research.tsv is a copy of the team's research file (shared/research/crisis-lines.tsv) the helplines
        // were built from, kept with the tests so a plain clone can run them.
        var research = Grouping().Replace(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Safety", "Data", "crisis-lines.research.tsv")), "");
        foreach (var country in Directory.Countries)
        {
            var numbers = country.Services.SelectMany(s => s.Phones.Append(s.Text).Append(s.WhatsApp))
                .Concat(country.Emergency.Select(e => e.Number))
                .OfType<string>();
            foreach (var number in numbers)
            {
                var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
                Assert.True(Regex.IsMatch(research, $@"(?<!\d){digits}(?!\d)"), $"{country.Code} {number} is not in the research file");
            }
        }
    }

    [Theory]
    [InlineData("US", "988")]
    [InlineData("GB", "116 123")]
    [InlineData("FR", "3114")]
    [InlineData("AU", "13 11 14")]
    [InlineData("ES", "024")]
    [InlineData("DE", "0800 111 0 111")]
    public void Well_known_lines_are_there(string code, string phone) =>
        Assert.Contains(Directory.Find(code)!.Services, s => s.Phones.Contains(phone));

    [Fact]
    public void Low_confidence_entries_are_left_out()
    {
        Assert.Null(Directory.Find("DK"));
        Assert.Null(Directory.Find("PK"));
        Assert.Empty(Directory.Find("MY")!.Services);
    }

    [Theory]
    [InlineData("        sources: [\"https://www.newswire.ca/news-releases/government-of-canada-launches-three-digit-suicide-crisis-helpline-896472116.html\"]\n", "        sources: []\n", "needs at least one source")]
    [InlineData("        verified: 2026-11-28\n", "        verified: soon\n", "needs the date it was verified")]
    [InlineData("        confidence: high\n", "        confidence: low\n", "only high- or medium-confidence")]
    [InlineData("        phones: [\"988\"]\n", "        phones: [\"nine eight eight\"]\n", "is not a number")]
    public void An_entry_without_source_date_or_confidence_stops_the_start(string original, string broken, string problem)
    {
        var file = Path.Combine(TestKnowledge.Folder, "crisis", CrisisDirectoryLoader.FileName);
        var text = File.ReadAllText(file);
        var at = text.IndexOf(original, text.IndexOf("code: CA", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(at > 0, "the test's anchor moved");
        var error = Assert.Throws<KnowledgeFormatException>(() => CrisisDirectoryLoader.Parse(file, string.Concat(text.AsSpan(0, at), broken, text.AsSpan(at + original.Length))));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 1);
    }

    [Theory]
    [InlineData("crisis line in Australia", "AU")]
    [InlineData("numéro d'urgence en France", "FR")]
    [InlineData("I'm in the UK", "GB")]
    [InlineData("línea de crisis en México", "MX")]
    [InlineData("tell us more", null)]
    [InlineData("i live in northern ireland", "GB")]
    public void A_country_named_in_a_message_is_found(string text, string? code) =>
        Assert.Equal(code, Directory.Mentioned(text)?.Code);

    [GeneratedRegex(@"(?<=\d)[ \-.]+(?=\d)")]
    private static partial Regex Grouping();
}
