using Microsoft.Extensions.Options;
using WellbeingBot.Knowledge;

namespace WellbeingBot.Tests.Knowledge;

/// <summary>The answer decisions on a small made-up knowledge base, so each case depends on nothing but the rule it tests.</summary>
public sealed class AnswerFinderTests : IDisposable
{
    private readonly KnowledgeIndex index = new(
        [
            Make("drive-after-spravato", "Can I drive after Spravato?", ["driving home after esketamine", "spravato and driving", "who takes me home after spravato"],
                "You should not drive after a Spravato session until the next day. Someone else needs to take you home."),
            Make("drive-after-infusion", "Can I drive after ketamine?", ["driving home after ketamine", "ketamine and driving", "who takes me home after ketamine"],
                "Clinics ask you to arrange a driver after an infusion. The effects fade within hours."),
            Make("spravato-duration", "How long does Spravato last?", ["how long do spravato effects last", "spravato duration", "does esketamine wear off"],
                "The effects of an esketamine course are followed over weeks. Relapse is common when treatment stops."),
            Make("infusion-duration", "How long does a ketamine infusion last?", ["how long do infusion effects last", "iv ketamine duration", "does the drip wear off"],
                "After a single infusion, symptoms often return within days. A course of infusions is planned for that reason."),
            Make("bladder", "Can ketamine damage the bladder?", ["ketamine bladder damage", "ketamine cystitis", "ketamine urine problems"],
                "Frequent recreational use can damage the bladder. Symptoms include urgency and pain. Stopping is the main treatment."),
        ],
        new KnowledgeAnalyzer(null));

    [Fact]
    public void A_clear_question_gets_its_passage_and_no_alternative()
    {
        var answer = Assert.IsType<KnowledgeAnswer>(Finder().Find("can ketamine damage my bladder"));

        Assert.Equal("bladder", answer.Passage.Id);
        Assert.Null(answer.Alternative);
        Assert.Equal("ketamine", answer.Subject);
    }

    [Fact]
    public void Two_close_passages_give_the_best_and_offer_the_other()
    {
        var answer = Assert.IsType<KnowledgeAnswer>(Finder().Find("can I drive after?"));

        Assert.StartsWith("drive-after-", answer.Passage.Id, StringComparison.Ordinal);
        Assert.NotNull(answer.Alternative);
        Assert.StartsWith("drive-after-", answer.Alternative.Id, StringComparison.Ordinal);
        Assert.NotEqual(answer.Passage.Id, answer.Alternative.Id);
    }

    [Theory]
    [InlineData("what is spravato", "drive-after-spravato", "spravato-duration")]
    [InlineData("tell me about ketamine infusions", "drive-after-infusion", "infusion-duration")]
    public void A_follow_up_that_names_no_subject_stays_on_the_earlier_one(string first, string drive, string duration)
    {
        var finder = Finder();
        var subject = finder.Find(first) switch
        {
            KnowledgeAnswer a => a.Subject,
            NoReliableAnswer n => index.Plan(first).Subject,
            _ => null,
        };
        Assert.NotNull(subject);

        Assert.Equal(drive, Assert.IsType<KnowledgeAnswer>(finder.Find("can I drive afterwards?", subject)).Passage.Id);
        Assert.Equal(duration, Assert.IsType<KnowledgeAnswer>(finder.Find("and how long does it last?", subject)).Passage.Id);
    }

    [Fact]
    public void A_question_naming_its_own_subject_ignores_the_earlier_one()
    {
        var answer = Assert.IsType<KnowledgeAnswer>(Finder().Find("how long does a ketamine infusion last", index.Plan("spravato").Subject));

        Assert.Equal("infusion-duration", answer.Passage.Id);
    }

    [Fact]
    public void An_earlier_subject_does_not_make_an_unrelated_question_answerable()
    {
        Assert.IsType<NoReliableAnswer>(Finder().Find("what's the weather tomorrow", index.Plan("spravato").Subject));
    }

    [Fact]
    public void The_short_answer_is_the_opening_sentence_and_the_one_that_answers_the_question()
    {
        var answer = Assert.IsType<KnowledgeAnswer>(Finder().Find("what is the main treatment for ketamine bladder damage, stopping?"));

        Assert.Equal(["Frequent recreational use can damage the bladder.", "Stopping is the main treatment."], answer.Lead);
        Assert.True(answer.HasMore);
    }

    private AnswerFinder Finder() => new(index, Options.Create(new KnowledgeOptions()));

    private static Passage Make(string id, string title, string[] questions, string body) =>
        new(id, title, "session", questions, [new PassageSource("A source", new Uri("https://example.org"))], new DateOnly(2026, 11, 28), body, id + ".md");

    public void Dispose() => index.Dispose();
}
