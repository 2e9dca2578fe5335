namespace WellbeingBot.Knowledge;

/// <summary>
/// A set of the knowledge base's terms by their ids in <see cref="KnowledgeIndex"/>'s vocabulary. Re-ranking asks tens of
/// thousands of times a second whether a passage, a sentence or a phrasing holds a word of the question: as string hash sets
/// every question read a bucket, an entry and a string object for each, scattered over the heap; here it reads a bit, or a
/// few neighbouring ints.
/// </summary>
public sealed class TermSet
{
    public static readonly TermSet Empty = new([], null);

    private const int ScanLimit = 16;

    private readonly int[] _sorted;  // small sets: their ids, in order
    private readonly ulong[]? _bits; // large sets: a bit per id of the vocabulary

    private TermSet(int[] sorted, ulong[]? bits)
    {
        _sorted = sorted;
        _bits = bits;
    }

    /// <param name="vocabularySize">How many ids there are: a set holding more than one in 32 of them is kept as bits.</param>
    public static TermSet Of(IEnumerable<int> ids, int vocabularySize)
    {
        var sorted = ids.Distinct().Order().ToArray();
        if (sorted.Length > 0 && (sorted[0] < 0 || sorted[^1] >= vocabularySize))
        {
            throw new ArgumentOutOfRangeException(nameof(ids), "A term id is outside the vocabulary.");
        }

        if (sorted.Length * 32 <= vocabularySize)
        {
            return new TermSet(sorted, null);
        }

        var bits = new ulong[(vocabularySize + 63) / 64];
        foreach (var id in sorted)
        {
            bits[id >> 6] |= 1UL << (id & 63);
        }

        return new TermSet([], bits);
    }

    public bool Contains(int id)
    {
        if (_bits is not null)
        {
            return (uint)(id >> 6) < (uint)_bits.Length && (_bits[id >> 6] & (1UL << (id & 63))) != 0;
        }

        if (_sorted.Length > ScanLimit)
        {
            return Array.BinarySearch(_sorted, id) >= 0;
        }

        // Most small sets are a phrasing's or a sentence's dozen words: a scan of one or two cache lines.
        foreach (var held in _sorted)
        {
            if (held >= id)
            {
                return held == id;
            }
        }

        return false;
    }
}
