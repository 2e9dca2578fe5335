using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace WellbeingBot.Knowledge;

/// <summary>
/// Lucene's term query over postings read once at load. A <see cref="TermQuery"/> opens a terms enumerator and a postings
/// reader, with their block buffers, for every term and field of every search; on this index of a hundred passages that
/// setup cost more than the scoring, and its buffers were a third of what a turn allocated. Scores are Lucene's: the weight
/// and the per-document scorer come from the searcher's similarity (BM25), fed the same document frequencies as a term query.
/// </summary>
public sealed class KeptTermQuery(KeptTerm kept) : Query
{
    private readonly KeptTerm _kept = kept;
    private readonly Term term = kept.Term;

    public Term Term => term;

    public override Weight CreateWeight(IndexSearcher searcher) => new KeptWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms) => terms.Add(term);

    public override string ToString(string field) =>
        (term.Field == field ? term.Text : term.ToString()) + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) => obj is KeptTermQuery other && base.Equals(other) && term.Equals(other.Term);

    public override int GetHashCode() => base.GetHashCode() ^ term.GetHashCode();

    private sealed class KeptWeight : Weight
    {
        private readonly KeptTermQuery _query;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;

        public KeptWeight(KeptTermQuery query, IndexSearcher searcher)
        {
            _query = query;
            _similarity = searcher.Similarity;
            _stats = _similarity.ComputeWeight(query.Boost, query._kept.FieldStats, query._kept.Stats);
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => _stats.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs) =>
            _query._kept.Postings[context.Ord] is { } leaf
                ? new ArrayScorer(this, leaf, acceptDocs, _similarity.GetSimScorer(_stats, context))
                : null;

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (GetScorer(context, context.AtomicReader.LiveDocs) is { } scorer && scorer.Advance(doc) == doc)
            {
                return new Explanation(scorer.GetScore(), $"weight({_query}), freq {scorer.Freq}, from postings kept at load");
            }

            return new Explanation(0, "no matching term");
        }
    }

    // What a term scorer does over a postings enumerator, over two arrays.
    private sealed class ArrayScorer(Weight weight, KeptTerm.Leaf postings, IBits? acceptDocs, Similarity.SimScorer docScorer) : Scorer(weight)
    {
        private int _index = -1;
        private int _doc = -1;

        public override int DocID => _doc;

        public override int Freq => postings.Freqs[_index];

        public override float GetScore() => docScorer.Score(_doc, postings.Freqs[_index]);

        public override int NextDoc() => MoveTo(0);

        public override int Advance(int target) => MoveTo(target);

        public override long GetCost() => postings.Docs.Length;

        private int MoveTo(int target)
        {
            var docs = postings.Docs;
            while (++_index < docs.Length)
            {
                if (docs[_index] >= target && (acceptDocs is null || acceptDocs.Get(docs[_index])))
                {
                    return _doc = docs[_index];
                }
            }

            _index = docs.Length;
            return _doc = NO_MORE_DOCS;
        }
    }
}

/// <summary>A term of a reader that never changes, with its statistics and its postings in each segment, read once.</summary>
/// <param name="Stats">Its document frequencies, as a term query would compute them.</param>
/// <param name="FieldStats">Its field's, likewise.</param>
/// <param name="Postings">By segment (leaf ordinal); null where the segment does not hold the term.</param>
public sealed record KeptTerm(Term Term, TermStatistics Stats, CollectionStatistics FieldStats, KeptTerm.Leaf?[] Postings)
{
    /// <summary>Every term of the fields, read from each segment of the searcher's reader.</summary>
    public static Dictionary<(string Field, string Term), KeptTerm> ReadAll(IndexSearcher searcher, IEnumerable<string> fields)
    {
        var reader = searcher.IndexReader;
        var all = new Dictionary<(string Field, string Term), KeptTerm>();
        foreach (var field in fields)
        {
            var fieldStats = searcher.CollectionStatistics(field);
            var terms = MultiFields.GetTerms(reader, field)?.GetEnumerator();
            while (terms is not null && terms.MoveNext())
            {
                var term = new Term(field, BytesRef.DeepCopyOf(terms.Term));
                var postings = new Leaf?[reader.Leaves.Count];
                foreach (var context in reader.Leaves)
                {
                    postings[context.Ord] = Read(context.AtomicReader, term);
                }

                var stats = searcher.TermStatistics(term, TermContext.Build(reader.Context, term));
                all[(field, term.Text)] = new KeptTerm(term, stats, fieldStats, postings);
            }
        }

        return all;
    }

    private static Leaf? Read(AtomicReader reader, Term term)
    {
        var docs = reader.GetTermDocsEnum(term); // with frequencies
        if (docs is null)
        {
            return null;
        }

        var (ids, freqs) = (new List<int>(), new List<int>());
        while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
        {
            ids.Add(docs.DocID);
            freqs.Add(docs.Freq);
        }

        return new Leaf([.. ids], [.. freqs]);
    }

    /// <param name="Docs">Ascending; the documents live at load (a scorer also skips any its caller does not accept, as a filter's).</param>
    public sealed record Leaf(int[] Docs, int[] Freqs);
}
