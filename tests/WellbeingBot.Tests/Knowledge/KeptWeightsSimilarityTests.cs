using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using WellbeingBot.Knowledge;

namespace WellbeingBot.Tests.Knowledge;

/// <summary>Kept term weights must score exactly as BM25 does, search after search, and refuse a query they would score wrongly.</summary>
public sealed class KeptWeightsSimilarityTests : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public KeptWeightsSimilarityTests()
    {
        var config = new IndexWriterConfig(KnowledgeAnalyzer.Version, new WhitespaceAnalyzer(KnowledgeAnalyzer.Version)) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var (title, body) in new[]
            {
                ("ketamine infusion", "an infusion of ketamine takes about forty minutes"),
                ("spravato", "esketamine nasal spray given in a clinic with ketamine like effects"),
                ("side effects", "dissociation drowsiness and blood pressure rise after ketamine"),
                ("cost", "insurance may cover spravato but rarely ketamine infusion"),
            })
            {
                writer.AddDocument(new Document { new TextField("title", title, Field.Store.NO), new TextField("body", body, Field.Store.NO) });
            }
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
    public void A_query_boosting_above_its_terms_is_refused_once_their_weights_are_kept()
    {
        var kept = new IndexSearcher(_reader) { Similarity = new KeptWeightsSimilarity(new BM25Similarity()) };
        kept.Search(Query(["ketamine"], boost: 1f), 10);

        Assert.Throws<InvalidOperationException>(() => kept.Search(Query(["ketamine"], boost: 2f), 10));
    }

    // The knowledge index's shape: per word, the best of its fields, and the words added up.
    private static BooleanQuery Query(string[] words, float boost)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var word in words)
        {
            query.Add(new DisjunctionMaxQuery(0.1f) { new TermQuery(new Term("title", word)) { Boost = 3f }, new TermQuery(new Term("body", word)) }, Occur.SHOULD);
        }

        query.Boost = boost;
        return query;
    }

    private static string Scores(IndexSearcher searcher, Query query) =>
        string.Join(' ', searcher.Search(query, 10).ScoreDocs.Select(d => $"{d.Doc}:{d.Score:R}"));

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
