using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using WellbeingBot.Knowledge;

namespace WellbeingBot.Tests.Knowledge.Evaluation;

/// <summary>
/// What a plain Lucene setup does on the same passages and questions: StandardAnalyzer, BM25, one field holding title,
/// alternate questions and body, one SHOULD clause per word. No synonyms, stemming, spelling correction, phrasing re-rank or
/// thresholds; it declines only when no word matches at all. The README reports it beside the bot's figures.
/// </summary>
public sealed class BaselineRetrieval : IDisposable
{
    private const string Text = "text";
    private readonly StandardAnalyzer analyzer = new(KnowledgeAnalyzer.Version);
    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;

    public BaselineRetrieval(IReadOnlyList<Passage> passages)
    {
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(KnowledgeAnalyzer.Version, analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var p in passages)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", p.Id, Field.Store.YES),
                    new TextField(Text, string.Join('\n', [p.Title, .. p.Questions, p.Body]), Field.Store.NO),
                });
            }
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>Passage ids, best first; empty when nothing matched (the baseline's only way to decline).</summary>
    public IReadOnlyList<string> Rank(string question, int top = 10)
    {
        var query = new BooleanQuery();
        using (var stream = analyzer.GetTokenStream(Text, question))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                query.Add(new TermQuery(new Term(Text, term.ToString())), Occur.SHOULD);
            }

            stream.End();
        }

        return query.Clauses.Count == 0 ? [] : searcher.Search(query, top).ScoreDocs.Select(d => reader.Document(d.Doc).Get("id")).ToArray();
    }

    public RetrievalMetrics Measure(IReadOnlyList<EvaluationQuestion> questions)
    {
        int inScope = 0, hit1 = 0, hit3 = 0, outOfScope = 0, declined = 0;
        double reciprocalRanks = 0;
        foreach (var q in questions)
        {
            var ranked = Rank(q.Question);
            if (q.Expected is null)
            {
                outOfScope++;
                declined += ranked.Count == 0 ? 1 : 0;
                continue;
            }

            inScope++;
            var rank = ranked.ToList().IndexOf(q.Expected) + 1;
            reciprocalRanks += rank > 0 ? 1.0 / rank : 0;
            hit1 += rank == 1 ? 1 : 0;
            hit3 += rank is > 0 and <= 3 ? 1 : 0;
        }

        return RetrievalMetrics.From(inScope, hit1, hit3, reciprocalRanks, outOfScope, declined, []);
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
        analyzer.Dispose();
    }
}
