using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace WellbeingBot.Knowledge;

/// <summary>
/// Tokenise, fold accents, map domain synonyms, drop question words, stem. Synonyms come before stop words and stemming,
/// so "Special K" and "Spravato" are recognised as typed.
/// </summary>
public sealed class KnowledgeAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>A field of plain lower-cased words (no synonyms, no stemming) where misspellings are looked up.</summary>
    public const string RawField = "raw";

    // Words that carry no topic in a question. The stock English list keeps "what", "how", "can", "i", "my": they would
    // otherwise count as unmatched words when deciding whether the knowledge base covers a question.
    private static readonly CharArraySet StopWords = new(Version,
    [
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "if", "in", "into", "is", "it", "its", "of",
        "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
        "what", "whats", "what's", "how", "hows", "why", "when", "where", "who", "which", "whom", "do", "does", "did", "doing",
        "can", "could", "would", "should", "shall", "may", "might", "must", "i", "im", "i'm", "me", "my", "mine", "myself",
        "you", "your", "yours", "we", "our", "us", "he", "she", "him", "her", "them", "am", "were", "being", "have", "has",
        "had", "having", "so", "too", "very", "just", "about", "tell", "please", "know", "want", "need", "get", "got",
        "any", "some", "there's", "thing", "things", "really", "actually", "also", "like", "anyone", "someone", "hi", "hey",
        "ok", "okay", "thanks", "thank", "much", "many", "lot", "all", "from", "up", "out", "than", "s", "t", "d", "ll",
        "re", "ve", "don't", "dont", "doesn't", "doesnt", "isn't", "isnt", "it's", "whether", "because", "after",
        "before", "during", "over", "again", "still", "yet", "one", "go", "going", "mean", "shouldn't", "shouldnt", "can't",
        "cant", "won't", "wont", "wouldn't", "wouldnt", "couldn't", "couldnt", "didn't", "didnt", "aren't", "arent", "wasn't",
        "haven't", "ive", "i've", "i'd", "i'll", "you're", "youre", "they're", "usually", "normally", "typically",
        "none", "nothing", "else", "read", "heard", "seen", "saw", "wondering", "wonder", "honestly", "basically", "literally",
        "guess", "think", "thinking", "ppl", "u", "ur", "pls", "plz", "anyway", "kinda", "sorta", "maybe", "etc", "afterwards",
        "afterward", "wants", "wanted", "getting", "gets", "needs", "needed", "needing", "goes", "gone", "knows", "tells",
        "good", "called", "true", "possible", "exactly", "ever", "even", "able", "come", "comes", "came", "coming", "put", "puts",
        "matter", "matters", "find", "finds", "found", "kind", "sort", "count", "counts",
        // Chat and Teams filler, contractions typed without the apostrophe, who is asking and who suggested it ("my
        // psychiatrist mentioned Spravato, what is it?" asks what Spravato is): context, not content.
        "lol", "haha", "tbh", "btw", "fyi", "imo", "idk", "dunno", "hmm", "umm", "um", "erm", "wanna", "gonna", "gotta", "cuz",
        "coz", "cos", "bc", "lots", "loads", "alot", "bot", "chatbot", "wellbeingbot", "hello", "hiya", "howdy", "cheers", "thx",
        "shes", "hes", "thats", "whos", "hows", "wheres", "whens", "whys", "his", "hers", "youve", "youll", "theyre", "theyve",
        "hasnt", "hadnt", "wasnt", "werent", "aint", "shouldve", "wouldve", "couldve", "husband", "wife", "hubby", "wifey",
        "boyfriend", "girlfriend", "spouse", "partner", "fiance", "fiancee",
        "mention", "mentioned", "mentions", "mentioning", "brought", "doctor", "doctors", "gp", "gps", "physician", "physicians",
        "psychiatrist", "psychiatrists", "clinician", "clinicians", "doc", "dr", "something", "anything", "stuff",
    ], ignoreCase: true);

    private static readonly CharArraySet Hedges = new(Version,
        ["actually", "really", "just", "basically", "honestly", "literally", "truly", "definitely", "even", "ever"], ignoreCase: true);

    private readonly SynonymMap? _synonyms;

    // Per-field reuse: the raw field's chain differs from the others. With Lucene's default (one chain reused for every field)
    // whichever field was analysed first on a thread served them all, and the spelling vocabulary came out stemmed.
    public KnowledgeAnalyzer(SynonymMap? synonyms)
        : base(PER_FIELD_REUSE_STRATEGY) => _synonyms = synonyms;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = BaseChain(source);
        if (fieldName == RawField)
        {
            return new TokenStreamComponents(source, stream);
        }

        if (_synonyms is not null)
        {
            // Hedging adverbs go before the synonyms, so "does spravato actually work" meets the rule for "does spravato work".
            stream = new StopFilter(Version, stream, Hedges);
            stream = new SynonymFilter(stream, _synonyms, ignoreCase: true);
        }

        // Possessives first, so "she's" and "that's" reach the stop list as "she" and "that".
        stream = new EnglishPossessiveFilter(Version, stream);
        stream = new StopFilter(Version, stream, StopWords);
        stream = new KStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    /// <summary>The part of the chain the synonym file is read with, so its entries match what the tokenizer produces.</summary>
    public static TokenStream BaseChain(Tokenizer source) =>
        new ASCIIFoldingFilter(new LowerCaseFilter(Version, source));

    public static SynonymMap LoadSynonyms(string file)
    {
        using var plain = new SynonymSourceAnalyzer();
        var parser = new SolrSynonymParser(dedup: true, expand: true, plain);
        try
        {
            using var reader = new StreamReader(file);
            parser.Parse(reader);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            var line = e.Message.Contains("line", StringComparison.OrdinalIgnoreCase) ? e.Message : "invalid synonym rule";
            throw new KnowledgeFormatException(file, 0, $"{line} ({e.GetBaseException().Message})");
        }

        return parser.Build();
    }

    private sealed class SynonymSourceAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(source, BaseChain(source));
        }
    }
}
