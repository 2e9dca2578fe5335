using WellbeingBot.Bot;
using WellbeingBot.Meditation;

namespace WellbeingBot.Tests.Meditation;

/// <summary>Every answer offers one session that fits; a mood or a request gets two or three to choose from.</summary>
public sealed class SuggestionTests
{
    public static TheoryData<string, string> Moods() => new()
    {
        { "I can't sleep", "sleep" },
        { "i keep lying awake at night", "sleep" },
        { "I feel so anxious", "anxiety" },
        { "my mind is racing and I'm on edge", "anxiety" },
        { "I'm really stressed", "stress" },
        { "work is overwhelming", "stress" },
        { "I've been feeling low", "low-mood" },
        { "I can't concentrate", "focus" },
        { "I feel spacey and detached", "grounding" },
        { "I'm nervous about my first infusion", "before-appointment" },
        { "how can I relax after my infusion", "after-treatment" },
    };

    [Theory]
    [MemberData(nameof(Moods))]
    public async Task A_mood_gets_sessions_for_it(string text, string focus)
    {
        using var chat = new MeditationConversation();

        var replies = await chat.Say(text);

        // A statement gets choices; a question the knowledge base answers gets its answer with one fitting session.
        var offers = replies.Where(r => r.Kind is ReplyKind.Meditation or ReplyKind.Answer)
            .SelectMany(r => r.Suggestions.Where(s => s.StartsWith("Try ", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(offers);
        Assert.All(offers, offer => Assert.Contains(focus, Offered(chat, offer).Focus));
        Assert.DoesNotContain(replies, r => r.Kind == ReplyKind.NoAnswer);
    }

    [Theory]
    [InlineData("what are the side effects of spravato", "after-treatment")]
    [InlineData("what happens at a ketamine infusion appointment", "before-appointment")]
    [InlineData("how much does ketamine treatment cost", "stress")]
    [InlineData("what are the symptoms of depression", "low-mood")]
    public async Task Without_a_mood_an_answer_offers_a_session_for_its_topic(string question, string focus)
    {
        using var chat = new MeditationConversation();

        var answer = await chat.SayOne(question);

        Assert.Equal(ReplyKind.Answer, answer.Kind);
        Assert.Contains(focus, Offered(chat, answer.Suggestions[^1]).Focus);
    }

    [Fact]
    public async Task A_mood_shown_earlier_fits_the_offer_under_a_later_answer()
    {
        using var chat = new MeditationConversation();
        await chat.Say("I can't sleep");

        var answer = await chat.SayOne("what is esketamine?");

        Assert.Contains("sleep", Offered(chat, answer.Suggestions[^1]).Focus);
    }

    [Theory]
    [InlineData("suggest a meditation")]
    [InlineData("can I do some breathing")]
    [InlineData("meditation")]
    public async Task Asking_for_a_meditation_gets_two_or_three_choices(string text)
    {
        using var chat = new MeditationConversation();

        var reply = await chat.SayOne(text);

        Assert.Equal(ReplyKind.Meditation, reply.Kind);
        Assert.InRange(reply.Suggestions.Count, 2, 3);
        Assert.All(reply.Suggestions, s => Assert.NotNull(Offered(chat, s)));
        Assert.Contains(TestKnowledge.Base.Notes.Caution, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crisis_reply_offers_no_meditation_before_the_resources()
    {
        using var chat = new MeditationConversation();

        var replies = await chat.Say("I can't sleep and I want to end my life");

        var crisis = Assert.Single(replies);
        Assert.Equal(ReplyKind.Crisis, crisis.Kind);
        Assert.DoesNotContain(crisis.Suggestions, s => chat.Catalog.Named(s) is not null);
    }

    private static MeditationSession Offered(MeditationConversation chat, string offer) =>
        chat.Catalog.Named(offer) ?? throw new Xunit.Sdk.XunitException($"'{offer}' does not start a session");
}
