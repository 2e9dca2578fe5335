using WellbeingBot.Knowledge;
using WellbeingBot.Safety;

namespace WellbeingBot.Tests.Safety;

/// <summary>The reviewed safety files refuse edits that would break the crisis path, and say where.</summary>
public sealed class SafetyContentTests
{
    private static readonly string PatternsFile = Path.Combine(TestKnowledge.Folder, "safety", SafetyRulesLoader.FileName);
    private static readonly string RepliesFile = Path.Combine(TestKnowledge.Folder, "safety", CrisisTexts.FileName);

    [Fact]
    public void A_rule_that_misses_its_own_example_stops_the_start_and_names_the_line()
    {
        var text = File.ReadAllText(PatternsFile);
        var broken = text.Replace("examples: [\"i want to kill myself\",", "examples: [\"i am having a lovely day\", \"i want to kill myself\",", StringComparison.Ordinal);
        Assert.NotEqual(text, broken);
        var error = Assert.Throws<KnowledgeFormatException>(() => SafetyRulesLoader.Parse(PatternsFile, broken));
        Assert.Contains("does not match its own example 'i am having a lovely day'", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 1);
    }

    [Theory]
    [InlineData("    category: suicide\n", "    categry: suicide\n", "Property 'categry' not found")]
    [InlineData("reviewed: 2026-11-28\n", "reviewed: recently\n", "reviewed must be the date")]
    [InlineData("    pattern: '{kill} ?{self}|", "    pattern: '{kil} ?{self}|", "{kil}, which is not a word list")]
    [InlineData("    pattern: '{kill} ?{self}|", "    pattern: 'i want to go (?:now|tonight)?|{kill} ?{self}|", "ends with a space before an optional group")]
    public void A_malformed_patterns_file_stops_the_start(string original, string broken, string problem)
    {
        var text = File.ReadAllText(PatternsFile);
        var at = text.IndexOf(original, StringComparison.Ordinal);
        Assert.True(at >= 0, "the test's anchor moved");
        var error = Assert.ThrowsAny<Exception>(() => SafetyRulesLoader.Parse(PatternsFile, string.Concat(text.AsSpan(0, at), broken, text.AsSpan(at + original.Length))));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_language_has_every_crisis_text_with_the_same_placeholders()
    {
        var texts = TestConversation.Safety.Texts;
        Assert.Equal(["de", "en", "es", "fr"], texts.Languages.Order(StringComparer.Ordinal));
        var text = File.ReadAllText(RepliesFile);
        var broken = text.Replace("    resources-danger: \"Si estás en peligro ahora mismo, llama al {emergency}.\"", "    resources-danger: \"Si estás en peligro ahora mismo, llama.\"", StringComparison.Ordinal);
        Assert.NotEqual(text, broken);
        var error = Assert.Throws<KnowledgeFormatException>(() => CrisisTexts.Parse(RepliesFile, broken));
        Assert.Contains("same placeholders", error.Message, StringComparison.Ordinal);

        var missing = text.Replace("    button-helplines: \"Show the helplines again\"\n", "", StringComparison.Ordinal);
        Assert.NotEqual(text, missing);
        Assert.Throws<KnowledgeFormatException>(() => CrisisTexts.Parse(RepliesFile, missing));
    }

    [Fact]
    public void Button_texts_are_recognised_in_every_language()
    {
        var detector = new CrisisDetector(TestConversation.Safety.Rules);
        var texts = TestConversation.Safety.Texts;
        foreach (var language in texts.Languages)
        {
            Assert.True(detector.Assess(texts.Get(language, CrisisTextKeys.ButtonGrounding), false).AsksForGrounding, language);
            Assert.True(detector.Assess(texts.Get(language, CrisisTextKeys.ButtonHelplines), false).AsksForHelplines, language);
            Assert.True(detector.SafetyAnswer(texts.Get(language, CrisisTextKeys.ButtonSafe)) == true, language);
            Assert.True(detector.SafetyAnswer(texts.Get(language, CrisisTextKeys.ButtonNotSafe)) == false, language);
            Assert.False(detector.Assess(texts.Get(language, CrisisTextKeys.ButtonSafe), false).IsCrisis, language);
        }
    }

    [Theory]
    [InlineData("I don't want to live", "i dont want to live")]
    [InlineData("k1ll mys3lf", "kill myself")]
    [InlineData("diiiie", "die")]
    [InlineData("Ich möchte nicht mehr leben", "ich mochte nicht mehr leben")]
    [InlineData("5 km away", "5 km away")]
    [InlineData("J'ai envie de mourir…", "jai envie de mourir")]
    public void Text_is_normalised_before_patterns_look(string text, string expected) =>
        Assert.Equal(expected, SafetyText.Normalize(text));

    [Fact]
    public void Words_spelled_with_dots_stay_one_word()
    {
        Assert.Equal(["kms", "tbh"], SafetyText.Sentences("k.m.s. tbh"));
        Assert.Equal(["i live in the us", "ok"], SafetyText.Sentences("I live in the U.S. OK"));
    }

    [Fact]
    public void A_very_long_message_is_checked_in_bounded_time_and_still_caught()
    {
        var detector = new CrisisDetector(TestConversation.Safety.Rules);
        var filler = string.Join(' ', Enumerable.Repeat("i am asking about the ketamine clinic near me", 400));
        Assert.True(detector.Assess($"{filler} and honestly i want to kill myself {filler}", false).IsCrisis);
        Assert.False(detector.Assess(filler, false).IsCrisis);
    }
}
