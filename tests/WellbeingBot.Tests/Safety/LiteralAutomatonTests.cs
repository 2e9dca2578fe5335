using WellbeingBot.Safety;

namespace WellbeingBot.Tests.Safety;

/// <summary>The literal search under the crisis screen: it must report every literal a text holds, and only those.</summary>
public sealed class LiteralAutomatonTests
{
    [Fact]
    public void Overlapping_nested_and_repeated_literals_are_all_found_once()
    {
        var automaton = new LiteralAutomaton(["he", "she", "his", "hers", "e", "kill", "ill"]);

        var found = automaton.Find("ushers kill him")!;

        Assert.Equal(["e", "he", "hers", "ill", "kill", "she"], found.Select(id => new[] { "he", "she", "his", "hers", "e", "kill", "ill" }[id]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_text_holding_none_gives_null_and_characters_no_literal_uses_break_a_match()
    {
        var automaton = new LiteralAutomaton(["end it", "über"]);

        Assert.Null(automaton.Find("what is ketamine?"));
        Assert.Null(automaton.Find("end\u00a0it"));
        Assert.Null(automaton.Find(""));
        Assert.Equal([1], automaton.Find("das überlege ich")!);
        Assert.Equal([0], automaton.Find("i want to end it all")!);
    }

    [Fact]
    public void An_empty_literal_is_refused() =>
        Assert.Throws<ArgumentException>(() => new LiteralAutomaton(["die", ""]));

    // Depth 0 walks every state but the start through children and failure links; 20 gives every state a full row.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(LiteralAutomaton.DefaultDenseDepth)]
    [InlineData(20)]
    public void On_random_literals_and_texts_it_finds_exactly_what_a_plain_search_finds(int denseDepth)
    {
        var random = new Random(20261129);
        const string alphabet = "aab eéi'nü-";
        string Text(int min, int max) => new([.. Enumerable.Range(0, random.Next(min, max)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

        for (var round = 0; round < 300; round++)
        {
            var literals = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Text(1, 6)).Distinct(StringComparer.Ordinal).ToArray();
            var automaton = new LiteralAutomaton(literals, denseDepth);
            for (var t = 0; t < 20; t++)
            {
                var text = Text(0, 60) + (random.Next(3) == 0 ? "\u4e2d" + Text(0, 10) : "");
                var expected = Enumerable.Range(0, literals.Length).Where(i => text.Contains(literals[i], StringComparison.Ordinal)).ToArray();

                var found = automaton.Find(text)?.Order().ToArray() ?? [];

                Assert.Equal(expected, found);
            }
        }
    }
}
