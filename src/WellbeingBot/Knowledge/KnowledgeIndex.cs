using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace WellbeingBot.Knowledge;

/// <summary>
/// An in-memory Lucene index of the passages, built once at start so the index and the analyzer can never drift apart.
/// The searcher and reader are thread-safe; the instance is a singleton.
/// </summary>
public sealed partial class KnowledgeIndex : IDisposable
{
    private const string IdField = "id";
    private const string TitleField = "title";
    private const string QuestionsField = "questions";
    private const string BodyField = "body";
    private const string AllField = "all";

    // Users who paste a whole letter still get an answer; beyond this many words the rest adds nothing to a search.
    private const int MaxQueryGroups = 48;
    private const int MaxQueryChars = 2_000;
    private const int RerankDepth = 10;
    private const double ExactPhrasing = 0.999;
    private const int RelatedCandidates = 12;
    private const int MaxContextPlans = 256;

    // What the bot is about: the medicine's names, and its IV form, which on its own ("before my infusion") means ketamine here.
    private static readonly string[] DefaultTopicWords = ["ketamine", "esketamine", "spravato", "infusion"];

    // The medicine's names alone; a phrasing naming one of them ("ketamine or Spravato") fits a question naming another.
    private static readonly string[] MedicineNames = ["ketamine", "esketamine", "spravato"];

    private readonly Analyzer _analyzer;
    private readonly HashSet<string> _topicTerms;
    private readonly HashSet<string> _medicineNameTerms;
    private readonly HashSet<string> _otherSubjectTerms;
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Dictionary<(string Field, string Term), KeptTerm> _terms;
    private readonly Passage[] _byDoc;
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal); // the vocabulary: every term of the passages
    private readonly TermSet[] _termsByDoc;
    private readonly TermSet[][] _termsBySentence;
    private readonly PhrasingTerms[][] _termsByPhrasing;
    private readonly TermSet[] _phrasingTermsByDoc;
    private readonly FuzzyVocabulary _vocabulary;
    private readonly Dictionary<string, int> _docFrequency = new(StringComparer.Ordinal);
    private readonly Passage[][] _related;
    private readonly string?[] _subjectByDoc;
    private readonly ConcurrentDictionary<string, QueryPlan> _contextPlans = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TermSet> _anchorsByTopic;

    /// <param name="topics">Topics whose anchor words put a question in them without naming the subject.</param>
    /// <param name="otherSubjects">Names of other medicines, drugs and conditions (<c>knowledge/other-subjects.txt</c>).</param>
    public KnowledgeIndex(
        IReadOnlyList<Passage> passages,
        Analyzer analyzer,
        KnowledgeBoosts? boosts = null,
        IEnumerable<string>? topicWords = null,
        IEnumerable<string>? otherSubjects = null,
        IEnumerable<Topic>? topics = null)
    {
        _analyzer = analyzer;
        _topicTerms = Terms(string.Join(' ', topicWords ?? DefaultTopicWords));
        _medicineNameTerms = Terms(string.Join(' ', MedicineNames));
        _medicineNameTerms.IntersectWith(_topicTerms);
        _otherSubjectTerms = Terms(string.Join(' ', otherSubjects ?? []));
        _otherSubjectTerms.ExceptWith(_topicTerms);
        Boosts = boosts ?? new KnowledgeBoosts();
        // No compound file: in memory it saves nothing, and reads through one share a lock, which concurrent searches queue on.
        var config = new IndexWriterConfig(KnowledgeAnalyzer.Version, analyzer) {
            Similarity = new BM25Similarity(),
            UseCompoundFile = false,
            MergePolicy = new TieredMergePolicy { NoCFSRatio = 0 },
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var p in passages)
            {
                writer.AddDocument(ToDocument(p));
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new KeptWeightsSimilarity(new BM25Similarity()) };
        _terms = KeptTerm.ReadAll(_searcher, [TitleField, QuestionsField, BodyField]);
        _byDoc = new Passage[_reader.MaxDoc];
        var byId = passages.ToDictionary(p => p.Id, StringComparer.Ordinal);
        for (var doc = 0; doc < _reader.MaxDoc; doc++)
        {
            _byDoc[doc] = byId[_reader.Document(doc).Get(IdField)];
        }

        var termsByDoc = _byDoc.Select(p => Terms(AllText(p))).ToArray();
        foreach (var term in termsByDoc.SelectMany(t => t))
        {
            _docFrequency[term] = _docFrequency.GetValueOrDefault(term) + 1;
        }

        // Analysed alone, a sentence or a phrasing can yield a term its passage's whole text does not (a synonym spanning
        // two lines there): the vocabulary holds them all.
        var termsBySentence = _byDoc.Select(p => p.Paragraphs.SelectMany(s => s).Select(Terms).ToArray()).ToArray();
        var termsByPhrasing = _byDoc.Select(p => new[] { p.Title }.Concat(p.Questions).Select(Terms).ToArray()).ToArray();
        foreach (var term in termsByDoc.Concat(termsBySentence.SelectMany(s => s)).Concat(termsByPhrasing.SelectMany(p => p)).SelectMany(t => t))
        {
            _termIds.TryAdd(term, _termIds.Count);
        }

        _termsByDoc = termsByDoc.Select(IdsOf).ToArray();
        _termsBySentence = termsBySentence.Select(s => s.Select(IdsOf).ToArray()).ToArray();
        _vocabulary = new FuzzyVocabulary(_byDoc.SelectMany(p => Terms(AllText(p), KnowledgeAnalyzer.RawField)));
        _termsByPhrasing = termsByPhrasing
            .Select(p => p.Select(terms => PhrasingTerms.Create(terms, Idf, _medicineNameTerms, t => _termIds[t])).ToArray())
            .ToArray();
        _phrasingTermsByDoc = _termsByPhrasing.Select(t => TermSet.Of(t.SelectMany(p => p.Entries).Select(e => e.Id), _termIds.Count)).ToArray();

        _subjectByDoc = _byDoc.Select(p => Plan(p.Title).Subject).ToArray();
        _related = BuildRelated();
        _anchorsByTopic = (topics ?? []).Where(t => t.Anchors.Count > 0)
            .ToDictionary(t => t.Key, t => IdsOf(Terms(string.Join(' ', t.Anchors))), StringComparer.Ordinal);
    }

    public KnowledgeBoosts Boosts { get; }

    /// <summary>How the searcher scores; exposed so a test can hold the index to BM25 rather than Lucene's TF-IDF default.</summary>
    internal Similarity Similarity => ((KeptWeightsSimilarity)_searcher.Similarity).BM25;

    public IReadOnlyList<Passage> Passages => _byDoc;

    public int Count => _byDoc.Length;

    /// <param name="context">The subject of the previous answer, carried into a question that names none.</param>
    public RetrievalResult Search(string text, int top = 5, string? context = null)
    {
        var plan = Plan(text);
        if (context is not null)
        {
            plan = plan.WithContext(ContextPlan(context), Boosts.Context);
        }

        if (plan.Groups.Count == 0)
        {
            return new RetrievalResult(plan, []);
        }

        // One clause per typed word, scoring its best field and synonym, so a word with many synonyms counts once.
        var query = new BooleanQuery(disableCoord: true);
        foreach (var group in plan.Groups.Where(g => g.Terms.Count > 0))
        {
            var factor = (group.Fuzzy ? Boosts.Fuzzy : 1f) * (group.FromContext ? Boosts.Context : 1f);
            var word = new DisjunctionMaxQuery(tieBreakerMultiplier: 0.1f);
            foreach (var term in group.Terms)
            {
                AddTerm(word, TitleField, term, Boosts.Title * factor);
                AddTerm(word, QuestionsField, term, Boosts.Questions * factor);
                AddTerm(word, BodyField, term, Boosts.Body * factor);
            }

            if (word.Disjuncts.Count > 0)
            {
                query.Add(word, Occur.SHOULD);
            }
        }

        if (query.Clauses.Count == 0)
        {
            return new RetrievalResult(plan, []);
        }

        // Lucene ranks by BM25 over whole fields; the closest single phrasing (title or alternate question) then re-ranks the
        // first few, as FAQ matchers do, so "what is ketamine" prefers the passage asked exactly that.
        // Scored in document order: the out-of-order scorer Lucene picks otherwise allocates a 2,048-bucket table on every
        // search (about 270 KB a question), which was most of the bot's garbage under load. The ranking is the same.
        var collector = TopScoreDocCollector.Create(Math.Max(top, RerankDepth), docsScoredInOrder: true);
        _searcher.Search(query, collector);
        var hits = collector.GetTopDocs().ScoreDocs;
        if (hits.Length == 0)
        {
            return new RetrievalResult(plan, []);
        }

        var bestScore = hits[0].Score;
        var candidates = new Candidate[hits.Length];
        for (var i = 0; i < hits.Length; i++)
        {
            var doc = hits[i].Doc;
            var phrasing = _termsByPhrasing[doc].Max(plan.SimilarityTo);
            // A question that is word for word one of a passage's phrasings is what that phrasing was written for.
            var exact = phrasing >= ExactPhrasing ? Boosts.ExactPhrasing : 0;
            var combined = (hits[i].Score / bestScore) + (Boosts.Phrasing * phrasing) + exact;
            var namesOtherSubject = plan.Groups.All(g => !g.OtherSubject || g.HasAny(_phrasingTermsByDoc[doc]));
            var anchored = _anchorsByTopic.TryGetValue(_byDoc[doc].Topic, out var anchors) && plan.Groups.Any(g => g.HasAny(anchors));
            candidates[i] = new Candidate(
                _byDoc[doc], hits[i].Score, plan.CoverageOf(_termsByDoc[doc]), phrasing, combined, plan.TopicalCoverageOf(_termsByDoc[doc]), namesOtherSubject,
                plan.CoverageOf(_phrasingTermsByDoc[doc]), anchored);
        }

        Array.Sort(candidates, (a, b) => b.Combined.CompareTo(a.Combined));
        return new RetrievalResult(plan, candidates.Length > top ? candidates[..top] : candidates);
    }

    /// <summary>
    /// The passage's sentences in reading order, each with the share of the question it covers beyond the subject's names
    /// (nearly every sentence names ketamine; what matters is whether it holds what is asked about it).
    /// </summary>
    public IEnumerable<(string Sentence, double Coverage)> RankSentences(Passage passage, QueryPlan plan)
    {
        var doc = Array.IndexOf(_byDoc, passage);
        var sentences = passage.Paragraphs.SelectMany(s => s).ToArray();
        for (var i = 0; i < sentences.Length; i++)
        {
            yield return (sentences[i], plan.TopicalCoverageOf(_termsBySentence[doc][i]));
        }
    }

    // A term the index does not hold matches nothing and, under BM25 without coordination, changes no score: it is left out.
    // One the index holds comes with its statistics and postings read once at load; reading them per search was most of its
    // garbage.
    private void AddTerm(DisjunctionMaxQuery word, string field, string term, float boost)
    {
        if (_terms.TryGetValue((field, term), out var kept))
        {
            word.Add(new KeptTermQuery(kept) { Boost = boost });
        }
    }

    public IReadOnlyList<Passage> RelatedTo(Passage passage) => _related[Array.IndexOf(_byDoc, passage)];

    /// <summary>The subject a passage's title names (<see cref="QueryPlan.Subject"/> of the title), worked out once at load.</summary>
    public string? SubjectOf(Passage passage) => _subjectByDoc[Array.IndexOf(_byDoc, passage)];

    // A context is a subject: indexed terms of the knowledge base, never the user's words (see QueryPlan.Subject), and there
    // are only as many as combinations of the medicine's names. Most follow-up questions carry one, so its plan is kept
    // rather than analysed again on every turn; the cap only guards against a caller passing something else.
    private QueryPlan ContextPlan(string context)
    {
        if (_contextPlans.TryGetValue(context, out var plan))
        {
            return plan;
        }

        plan = Plan(context);
        if (_contextPlans.Count < MaxContextPlans)
        {
            _contextPlans.TryAdd(context, plan);
        }

        return plan;
    }

    private HashSet<string> Terms(string text) => Terms(text, AllField);

    // A word no passage holds (an anchor the passages never use) has no id; no question's term can match it anyway.
    private TermSet IdsOf(IEnumerable<string> terms) =>
        TermSet.Of(terms.Select(t => _termIds.GetValueOrDefault(t, -1)).Where(id => id >= 0), _termIds.Count);

    private HashSet<string> Terms(string text, string field)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        using var stream = _analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    private Passage[][] BuildRelated()
    {
        var mlt = new MoreLikeThis(_reader)
        {
            Analyzer = _analyzer,
            FieldNames = [AllField],
            MinTermFreq = 1,
            MinDocFreq = 1,
            MinWordLen = 3,
        };
        // Searched without kept weights: these thousands of terms of the whole text are never searched again, and would take
        // the room of those questions use.
        var plain = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };

        // The closest passages of the same topic first ("Is ketamine better than ECT?" leads to the other efficacy answers), then
        // the closest of any topic; MoreLikeThis alone favours passages that merely share many words.
        var related = new Passage[_byDoc.Length][];
        for (var doc = 0; doc < _byDoc.Length; doc++)
        {
            var topic = _byDoc[doc].Topic;
            var hits = plain.Search(mlt.Like(doc), RelatedCandidates).ScoreDocs.Where(h => h.Doc != doc).Select(h => _byDoc[h.Doc]).ToList();
            related[doc] = hits.Where(p => p.Topic == topic).Take(2).Concat(hits.Where(p => p.Topic != topic)).Take(3).ToArray();
        }

        return related;
    }

    private static string AllText(Passage p) => string.Join('\n', [p.Title, .. p.Questions, p.Body]);

    private static Document ToDocument(Passage p)
    {
        var doc = new Document
        {
            new StringField(IdField, p.Id, Field.Store.YES),
            new TextField(TitleField, p.Title, Field.Store.NO),
            new TextField(BodyField, p.Body, Field.Store.NO),
            new TextField(AllField, AllText(p), Field.Store.YES),
        };
        foreach (var q in p.Questions)
        {
            doc.Add(new TextField(QuestionsField, q, Field.Store.NO));
        }

        return doc;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
