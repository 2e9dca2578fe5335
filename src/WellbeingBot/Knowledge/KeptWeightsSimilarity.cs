using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace WellbeingBot.Knowledge;

/// <summary>
/// Lucene's BM25, scoring exactly as it does, with each term's weight kept after its first search. BM25 builds a weight for
/// every term of every field on every search: its idf with an explanation, and a 256-entry length-normalisation table (about
/// 1 KB). The index never changes after load, so a term's weight in a field at a given boost is always the same; rebuilding
/// them was a seventh of what a turn allocated.
/// </summary>
public sealed class KeptWeightsSimilarity(BM25Similarity bm25) : Similarity
{
    // Bounds the memory (about 1.2 KB an entry): far more than the terms questions use in a day; others are built as before.
    private const int MaxKept = 4_096;

    private readonly ConcurrentDictionary<(string Field, string Term, float Boost), Kept> _kept = new();

    /// <summary>The similarity that scores.</summary>
    public BM25Similarity BM25 => bm25;

    public override long ComputeNorm(FieldInvertState state) => bm25.ComputeNorm(state);

    public override float Coord(int overlap, int maxOverlap) => bm25.Coord(overlap, maxOverlap);

    public override float QueryNorm(float valueForNormalization) => bm25.QueryNorm(valueForNormalization);

    public override SimWeight ComputeWeight(float queryBoost, CollectionStatistics collectionStats, params TermStatistics[] termStats)
    {
        if (termStats.Length != 1)
        {
            return bm25.ComputeWeight(queryBoost, collectionStats, termStats);
        }

        var key = (collectionStats.Field, termStats[0].Term.Utf8ToString(), queryBoost);
        if (_kept.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var weight = new Kept(bm25.ComputeWeight(queryBoost, collectionStats, termStats));
        return _kept.Count < MaxKept ? _kept.GetOrAdd(key, weight) : weight;
    }

    public override SimScorer GetSimScorer(SimWeight weight, AtomicReaderContext context) =>
        bm25.GetSimScorer(weight is Kept kept ? kept.Inner : weight, context);

    /// <summary>
    /// A weight shared by searches. Normalising writes the query's top-level boost into it, so it is normalised once, and a
    /// search that would normalise it differently (a boosted clause around the term) is refused rather than allowed to change
    /// the scores of searches in flight. The knowledge index's queries never boost above the term.
    /// </summary>
    private sealed class Kept(SimWeight inner) : SimWeight
    {
        private readonly Lock _gate = new();
        private volatile bool _normalized;
        private float _queryNorm;
        private float _topLevelBoost;

        public SimWeight Inner => inner;

        public override float GetValueForNormalization() => inner.GetValueForNormalization();

        public override void Normalize(float queryNorm, float topLevelBoost)
        {
            if (!_normalized)
            {
                lock (_gate)
                {
                    if (!_normalized)
                    {
                        inner.Normalize(queryNorm, topLevelBoost);
                        (_queryNorm, _topLevelBoost) = (queryNorm, topLevelBoost);
                        _normalized = true;
                        return;
                    }
                }
            }

            if (queryNorm != _queryNorm || topLevelBoost != _topLevelBoost)
            {
                throw new InvalidOperationException(
                    $"A kept term weight was normalised with {_queryNorm}/{_topLevelBoost} and now with {queryNorm}/{topLevelBoost}; a query boosting above its terms needs weights of its own.");
            }
        }
    }
}
