using WellbeingBot.Knowledge;

namespace WellbeingBot.Tests.Knowledge;

/// <summary>The term sets under re-ranking must hold exactly their ids, whichever form a set's size gives it.</summary>
public sealed class TermSetTests
{
    // Sizes that give a scanned list, a searched list and bits, at the edges of each.
    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 100)]
    [InlineData(3, 100)]
    [InlineData(16, 4_000)]
    [InlineData(17, 4_000)]
    [InlineData(125, 4_000)]
    [InlineData(126, 4_000)]
    [InlineData(64, 64)]
    [InlineData(2_000, 4_000)]
    public void A_set_holds_exactly_its_ids(int count, int vocabulary)
    {
        var random = new Random(count * 7919 + vocabulary);
        var ids = Enumerable.Range(0, count).Select(_ => random.Next(vocabulary)).Append(vocabulary - 1).Take(count).ToHashSet();

        var set = TermSet.Of(ids.Concat(ids), vocabulary);

        for (var id = -70; id < vocabulary + 70; id++)
        {
            Assert.Equal(ids.Contains(id), set.Contains(id));
        }
    }

    [Fact]
    public void An_id_outside_the_vocabulary_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TermSet.Of([3, 100], 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => TermSet.Of([-1], 100));
        Assert.False(TermSet.Empty.Contains(0));
    }
}
