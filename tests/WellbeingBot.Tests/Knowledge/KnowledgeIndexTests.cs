using WellbeingBot.Knowledge;

namespace WellbeingBot.Tests.Knowledge;

public sealed class KnowledgeIndexTests
{
    private static KnowledgeIndex Index => TestKnowledge.Base.Index;

    [Fact]
    public void Every_passage_title_finds_its_own_passage()
    {
        // Follow-up buttons send a passage title back as the next question, so each must lead to its passage.
        var finder = TestKnowledge.Finder();
        Assert.All(TestKnowledge.Base.Passages, p =>
        {
            var result = finder.Find(p.Title);
            var answer = Assert.IsType<KnowledgeAnswer>(result);
            Assert.Equal(p.Id, answer.Passage.Id);
        });
    }

    [Fact]
    public void A_title_subject_worked_out_at_load_and_a_kept_context_plan_give_what_analysing_again_gives()
    {
        Assert.All(Index.Passages, p => Assert.Equal(Index.Plan(p.Title).Subject, Index.SubjectOf(p)));

        // The second search reads the context's plan from where the first kept it.
        string Ranking(RetrievalResult r) => string.Join(' ', r.Candidates.Select(c => $"{c.Passage.Id}:{c.Combined:R}:{c.Coverage:R}"));
        var first = Index.Search("can I drive afterwards", context: "spravato esketamin");
        var second = Index.Search("can I drive afterwards", context: "spravato esketamin");
        Assert.Equal(Ranking(first), Ranking(second));
        Assert.NotEqual(Ranking(Index.Search("can I drive afterwards")), Ranking(first));
    }

    [Theory]
    [InlineData("ketamin side efects", "common-side-effects")]
    [InlineData("what is spravto", "what-is-spravato")]
    [InlineData("esketamin", "what-is-spravato")]
    [InlineData("is ketamene addictive", "addiction-and-misuse")]
    [InlineData("spravatto insurance", "spravato-insurance")]
    [InlineData("benzodiazapines and ketamine", "benzodiazepines-and-ketamine")]
    [InlineData("how many ketamine infusoins do you need", "iv-treatment-course")]
    public void Misspellings_are_corrected_by_the_fuzzy_fallback(string question, string expected)
    {
        var best = Index.Search(question).Best;
        Assert.NotNull(best);
        Assert.Equal(expected, best.Passage.Id);
    }

    [Fact]
    public void Fuzzy_correction_is_marked_and_weighs_less()
    {
        var plan = Index.Plan("spravto");
        var group = Assert.Single(plan.Groups);
        Assert.True(group.Fuzzy);
        Assert.Contains(group.Terms, t => t.StartsWith("spravato", StringComparison.Ordinal) || t.StartsWith("esketamin", StringComparison.Ordinal));
    }

    [Fact]
    public void A_medicines_name_is_never_corrected_into_a_passage_word()
    {
        // "weed" is one edit from "week"; correcting it would turn a question about cannabis into one about timing.
        var group = Index.Plan("weed").Groups.Single();
        Assert.Empty(group.Terms);
        Assert.True(group.OtherSubject);
    }

    [Fact]
    public void Synonyms_map_street_names_onto_the_passages_words()
    {
        var plan = Index.Plan("special k");
        Assert.Contains(plan.Groups, g => g.Terms.Contains("ketamine") && g.Terms.Contains("recreational"));
    }

    [Theory]
    [InlineData("what is ketamine?")]
    [InlineData("ketamine AND OR NOT")]
    [InlineData("title:ketamine body:\"spravato\"")]
    [InlineData("ket* ~2 ^3 +- && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /")]
    [InlineData("🙂🙂🙂")]
    [InlineData("")]
    public void Any_text_becomes_a_query_without_parser_errors(string text)
    {
        var result = Index.Search(text);
        Assert.NotNull(result);
    }

    [Fact]
    public void Ranking_uses_bm25_with_titles_and_questions_boosted()
    {
        // With BM25 scores are unbounded sums of idf-weighted saturations; classic TF-IDF with coord would stay below ~1 here.
        Assert.IsType<Lucene.Net.Search.Similarities.BM25Similarity>(Index.Similarity);
        var best = Index.Search("esketamine spravato nasal spray").Best;
        Assert.NotNull(best);
        Assert.True(best.Score > 5, $"score {best.Score}");
    }

    [Fact]
    public void Related_questions_never_include_the_passage_itself()
    {
        Assert.All(TestKnowledge.Base.Passages, p =>
        {
            var related = Index.RelatedTo(p);
            Assert.InRange(related.Count, 2, 3);
            Assert.DoesNotContain(p, related);
        });
    }

    [Fact]
    public void Very_long_text_is_bounded()
    {
        var text = string.Join(' ', Enumerable.Range(0, 20_000).Select(i => $"word{i}"));
        var plan = Index.Plan(text);
        Assert.InRange(plan.Groups.Count, 1, 48);
    }

    [Fact]
    public void Related_questions_mostly_start_with_the_same_topic_and_never_repeat_the_passage()
    {
        var passages = TestKnowledge.Base.Passages;
        Assert.All(passages, p =>
        {
            Assert.Equal(3, Index.RelatedTo(p).Count);
            Assert.DoesNotContain(p, Index.RelatedTo(p));
        });

        // A same-topic passage leads unless none is among the closest by content.
        var withSiblings = passages.Where(p => passages.Count(o => o.Topic == p.Topic) > 1).ToList();
        var leading = withSiblings.Count(p => Index.RelatedTo(p)[0].Topic == p.Topic);
        Assert.True(leading >= withSiblings.Count * 0.85, $"{leading} of {withSiblings.Count}");
    }
}
