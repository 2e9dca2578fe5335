using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using WellbeingBot.Knowledge;

namespace WellbeingBot.Tests.Knowledge;

/// <summary>
/// Kept term weights and kept postings must score exactly as BM25 over Lucene's term queries does, search after search, and
/// kept weights must refuse a query they would score wrongly. The index has two segments and a deleted document, as a
/// term query's postings reader would see them.
/// </summary>
public sealed class KeptScoringTests : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public KeptScoringTests()
    {
        var config = new IndexWriterConfig(KnowledgeAnalyzer.Version, new WhitespaceAnalyzer(KnowledgeAnalyzer.Version)) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var (i, (title, body)) in new[]
            {
                ("ketamine infusion", "an infusion of ketamine takes about forty minutes"),
                ("spravato", "esketamine nasal spray given in a clinic with ketamine like effects"),
                ("ketamine ketamine", "a deleted passage about ketamine infusion insurance"),
                ("side effects", "dissociation drowsiness and blood pressure rise after ketamine"),
                ("cost", "insurance may cover spravato but rarely ketamine infusion"),
            }.Index())
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", title, Field.Store.NO),
                    new TextField("title", title, Field.Store.NO),
                    new TextField("body", body, Field.Store.NO),
                });
                if (i == 1)
                {
                    writer.Commit();
                }
            }

            writer.DeleteDocuments(new Term("id", "ketamine ketamine"));
        }

        _reader = DirectoryReader.Open(_directory);
    }

    [Fact]
    public void Scores_are_exactly_bm25s_on_first_and_later_searches()
    {
        var plain = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        var kept = new IndexSearcher(_reader) { Similarity = new KeptWeightsSimilarity(new BM25Similarity()) };
        string[][] questions = [["ketamine", "infusion"], ["spravato", "insurance"], ["ketamine"], ["blood", "pressure", "ketamine"], ["nothing"]];

        for (var round = 0; round < 3; round++)
        {
            foreach (var words in questions)
            {
                var query = Query(words, boost: 1f);
                Assert.Equal(Scores(plain, query), Scores(kept, query));
            }
        }
    }

    [Fact]
    public void Kept_postings_score_exactly_as_term_queries_and_skip_deleted_documents()
    {
        Assert.True(_reader.Leaves.Count > 1);
        Assert.Contains(_reader.Leaves, l => l.AtomicReader.LiveDocs is not null);
        foreach (var similarity in new Similarity[] { new BM25Similarity(), new KeptWeightsSimilarity(new BM25Similarity()) })
        {
            var searcher = new IndexSearcher(_reader) { Similarity = similarity };
            var kept = KeptTerm.ReadAll(searcher, ["title", "body"]);
            foreach (var words in new[] { new[] { "ketamine", "infusion" }, ["spravato", "insurance"], ["ketamine"], ["deleted"], ["nothing"] })
            {
                var expected = Scores(searcher, Query(words, boost: 1f));
                var actual = Scores(searcher, Query(words, boost: 1f, kept));

                Assert.Equal(expected, actual);
                Assert.Equal(words[0] is "deleted" or "nothing", actual.Length == 0);

                // A filter reaches the scorer as the documents it may accept.
                var only = new OnlyFilter("cost");
                Assert.Equal(Scores(searcher, Query(words, boost: 1f), only), Scores(searcher, Query(words, boost: 1f, kept), only));
            }
        }
    }

    [Fact]
    public void A_query_boosting_above_its_terms_is_refused_once_their_weights_are_kept()
    {
        var kept = new IndexSearcher(_reader) { Similarity = new KeptWeightsSimilarity(new BM25Similarity()) };
        kept.Search(Query(["ketamine"], boost: 1f), 10);

        Assert.Throws<InvalidOperationException>(() => kept.Search(Query(["ketamine"], boost: 2f), 10));
    }

    // The knowledge index's shape: per word, the best of its fields, and the words added up.
    private static BooleanQuery Query(string[] words, float boost, Dictionary<(string Field, string Term), KeptTerm>? kept = null)
    {
        // With kept postings, a term the index does not hold is left out, as the knowledge index does.
        Query? Clause(string field, string word, float termBoost) =>
            kept is null ? new TermQuery(new Term(field, word)) { Boost = termBoost }
            : kept.TryGetValue((field, word), out var term) ? new KeptTermQuery(term) { Boost = termBoost }
            : null;

        var query = new BooleanQuery(disableCoord: true);
        foreach (var word in words)
        {
            var best = new DisjunctionMaxQuery(0.1f);
            foreach (var clause in new[] { Clause("title", word, 3f), Clause("body", word, 1f) })
            {
                if (clause is not null)
                {
                    best.Add(clause);
                }
            }

            query.Add(best, Occur.SHOULD);
        }

        query.Boost = boost;
        return query;
    }

    private static string Scores(IndexSearcher searcher, Query query, Filter? filter = null) =>
        string.Join(' ', searcher.Search(query, filter, 10).ScoreDocs.Select(d => $"{d.Doc}:{d.Score:R}"));

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    // Random-access bits, which Lucene hands to the query's scorers as the documents they may accept.
    private sealed class OnlyFilter(string id) : Filter
    {
        public override DocIdSet GetDocIdSet(AtomicReaderContext context, Lucene.Net.Util.IBits acceptDocs)
        {
            var bits = new Lucene.Net.Util.FixedBitSet(context.AtomicReader.MaxDoc);
            var docs = context.AtomicReader.GetTermDocsEnum(new Term("id", id));
            while (docs is not null && docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                bits.Set(docs.DocID);
            }

            return bits;
        }
    }
}
