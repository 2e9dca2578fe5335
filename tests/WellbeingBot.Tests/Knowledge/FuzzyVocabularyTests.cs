using WellbeingBot.Knowledge;

namespace WellbeingBot.Tests.Knowledge;

public sealed class FuzzyVocabularyTests
{
    [Theory]
    [InlineData("ketamin", "ketamine", 1)]
    [InlineData("infusoins", "infusions", 1)]
    [InlineData("spravto", "spravato", 1)]
    [InlineData("depresion", "depression", 1)]
    [InlineData("sourdough", "spravato", 3)]
    [InlineData("weather", "without", 3)]
    [InlineData("abc", "abc", 0)]
    public void Distance_counts_edits_with_transpositions(string a, string b, int expected)
    {
        Assert.Equal(expected, Math.Min(FuzzyVocabulary.Distance(a, b, 2), 3));
    }

    [Fact]
    public void Correct_finds_the_nearest_word_with_the_same_first_letter()
    {
        var vocabulary = new FuzzyVocabulary(["infusions", "insurance", "spravato", "street", "weaken", "without"]);

        Assert.Equal(["infusions"], vocabulary.Correct("infusoins"));
        Assert.Equal(["spravato"], vocabulary.Correct("spravto"));
        Assert.Empty(vocabulary.Correct("sourdough"));
        Assert.Empty(vocabulary.Correct("weather"));
        Assert.Empty(vocabulary.Correct("xylophone"));
    }
}
