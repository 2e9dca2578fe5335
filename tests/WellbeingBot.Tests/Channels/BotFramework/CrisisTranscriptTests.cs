using System.Text.RegularExpressions;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using WellbeingBot.Bot;
using WellbeingBot.Channels.BotFramework;

namespace WellbeingBot.Tests.Channels.BotFramework;

/// <summary>The crisis path as users meet it: transcripts through the Bot Framework edge, checked against the safe-messaging rules.</summary>
public sealed partial class CrisisTranscriptTests
{
    private static readonly string Caution = TestKnowledge.Base.Notes.Caution;
    private static readonly string SeekHelp = TestKnowledge.Base.Notes.SeekHelp;

    [Theory]
    [InlineData("i want to kill myself")]
    [InlineData("I don't want to wake up tomorrow")]
    [InlineData("everyone would be better off without me")]
    [InlineData("kms")]
    [InlineData("would taking all my ketamine at once end it")]
    [InlineData("i cut myself last night")]
    public async Task Crisis_reply_is_urgent_with_helpline_and_emergency_number_and_nothing_else(string message)
    {
        await Flow("en-US")
            .Send(message)
            .AssertReply(a =>
            {
                var reply = AssertCrisis(a);
                Assert.Contains("[988](tel:988)", reply.Text, StringComparison.Ordinal);
                Assert.Contains("[911](tel:911)", reply.Text, StringComparison.Ordinal);
                Assert.Contains("Country: United States.", reply.Text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Medical_emergency_puts_the_emergency_number_first()
    {
        await Flow("en-GB")
            .Send("i took too much ketamine and i cant breathe")
            .AssertReply(a =>
            {
                var reply = AssertCrisis(a);
                Assert.StartsWith("**Call [999](tel:999)", reply.Text, StringComparison.Ordinal);
                Assert.Contains("116 123", reply.Text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Next_turn_checks_in_and_a_no_brings_the_resources_back_urgently()
    {
        await Flow("en-US")
            .Send("i dont want to be alive anymore")
            .AssertReply(a => AssertCrisis(a))
            .Send("ok")
            .AssertReply(a =>
            {
                var reply = (IMessageActivity)a;
                Assert.Null(reply.Importance);
                Assert.Contains("are you safe right now?", reply.Text, StringComparison.Ordinal);
                Assert.Contains("[988](tel:988)", reply.Text, StringComparison.Ordinal);
                Assert.Contains(reply.SuggestedActions.Actions, b => (string)b.Value == "No, I'm not safe");
            })
            .Send("No, I'm not safe")
            .AssertReply(a => AssertCrisis(a))
            .Send("Yes, I'm safe right now")
            .AssertReply(a =>
            {
                var reply = (IMessageActivity)a;
                Assert.Null(reply.Importance);
                Assert.Contains("glad you're safe", reply.Text, StringComparison.Ordinal);
                Assert.Contains("[988](tel:988)", reply.Text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_question_after_a_crisis_gets_the_check_in_first_then_the_answer()
    {
        await Flow("en-US")
            .Send("i want to die")
            .AssertReply(a => AssertCrisis(a))
            .Send("how long does a spravato session take?")
            .AssertReply(a => Assert.Contains("are you safe right now?", ((IMessageActivity)a).Text, StringComparison.Ordinal))
            .AssertReply(a => Assert.Contains(((IMessageActivity)a).Entities, e => e.Type == ActivityMapper.CitationEntityType))
            .StartTestAsync();
    }

    [Fact]
    public async Task Grounding_button_guides_the_exercise_and_asks_again()
    {
        await Flow("en-US")
            .Send("i feel like ending it all")
            .AssertReply(a => Assert.Contains(((IMessageActivity)a).SuggestedActions.Actions, b => (string)b.Value == "Try a grounding exercise"))
            .Send("Try a grounding exercise")
            .AssertReply(a =>
            {
                var reply = (IMessageActivity)a;
                Assert.Null(reply.Importance);
                Assert.Contains("Name **5** things you can see", reply.Text, StringComparison.Ordinal);
                Assert.Contains("Are you safe right now?", reply.Text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Means_question_after_distress_is_a_crisis_but_not_on_its_own()
    {
        await Flow("en-US")
            .Send("how much ketamine is too much")
            .AssertReply(a => Assert.Null(((IMessageActivity)a).Importance))
            .StartTestAsync();

        await Flow("en-US")
            .Send("i feel so hopeless lately")
            .AssertReply(a =>
            {
                var reply = (IMessageActivity)a;
                Assert.Null(reply.Importance);
                Assert.Contains("type \"helplines\"", reply.Text, StringComparison.Ordinal);
            })
            .Send("how much ketamine is too much")
            .AssertReply(a => AssertCrisis(a))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("does ketamine reduce suicidal thoughts?")]
    [InlineData("what is the suicide risk with esketamine?")]
    public async Task Informational_question_gets_the_cited_answer_with_a_gentle_line(string question)
    {
        await Flow("en-US")
            .Send(question)
            .AssertReply(a =>
            {
                var reply = (IMessageActivity)a;
                Assert.Null(reply.Importance);
                Assert.Contains(reply.Entities, e => e.Type == ActivityMapper.CitationEntityType);
                Assert.Contains("type \"helplines\"", reply.Text, StringComparison.Ordinal);
                Assert.EndsWith(SeekHelp, reply.Text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("this commute is killing me, anyway what is spravato")]
    [InlineData("my battery is dead")]
    [InlineData("the clinic is 5 kms away, how long is a session")]
    [InlineData("I feel empty and numb all the time, is ketamine for me?")]
    [InlineData("im so depressed, can ketamine help me?")]
    public async Task Figurative_speech_and_depression_talk_are_not_a_crisis(string message)
    {
        await Flow("en-US")
            .Send(message)
            .AssertReply(a => Assert.Null(((IMessageActivity)a).Importance))
            .StartTestAsync();
    }

    [Fact]
    public async Task Unknown_country_gets_the_emergency_rule_the_directory_and_a_question_then_that_country()
    {
        await Flow("en")
            .Send("i want to end my life")
            .AssertReply(a =>
            {
                var reply = AssertCrisis(a);
                Assert.Contains("your local emergency number", reply.Text, StringComparison.Ordinal);
                Assert.Contains("findahelpline.com", reply.Text, StringComparison.Ordinal);
                Assert.Contains("Which country are you in?", reply.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("tel:988", reply.Text, StringComparison.Ordinal);
            })
            .Send("Australia")
            .AssertReply(a =>
            {
                var reply = (IMessageActivity)a;
                Assert.Contains("[13 11 14](tel:131114)", reply.Text, StringComparison.Ordinal);
                Assert.Contains("[000](tel:000)", reply.Text, StringComparison.Ordinal);
                Assert.Contains("Are you safe right now?", reply.Text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Teams_client_country_comes_before_the_locale()
    {
        var adapter = new TestAdapter { Locale = "en-US" };
        var activity = adapter.MakeActivity("i want to kill myself");
        activity.Entities = [new Entity("clientInfo") { Properties = new JObject { ["country"] = "GB", ["locale"] = "en-US" } }];
        await new TestFlow(adapter, Bot())
            .Send(activity)
            .AssertReply(a => Assert.Contains("[116 123](tel:116123)", AssertCrisis(a).Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task Spanish_crisis_gets_a_spanish_reply_with_the_country_line()
    {
        await Flow("es-ES")
            .Send("quiero morir")
            .AssertReply(a =>
            {
                var reply = AssertCrisis(a);
                Assert.Contains("[024](tel:024)", reply.Text, StringComparison.Ordinal);
                Assert.Contains("[112](tel:112)", reply.Text, StringComparison.Ordinal);
                Assert.Contains("llama", reply.Text, StringComparison.OrdinalIgnoreCase);
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("crisis line in Australia", "en-US", "[13 11 14](tel:131114)")]
    [InlineData("numéro d'urgence en France", "en-US", "[3114](tel:3114)")]
    [InlineData("I need to talk to someone", "en-IE", "[116 123](tel:116123)")]
    [InlineData("helplines", "de-DE", "TelefonSeelsorge")]
    public async Task Asking_for_helplines_shows_that_countrys_lines_without_alarm(string message, string locale, string expected)
    {
        await Flow(locale)
            .Send(message)
            .AssertReply(a =>
            {
                var reply = (IMessageActivity)a;
                Assert.Null(reply.Importance);
                Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
                AssertNoCitation(reply);
            })
            .StartTestAsync();
    }

    private static IMessageActivity AssertCrisis(IActivity activity)
    {
        var reply = (IMessageActivity)activity;
        Assert.Equal(ActivityImportance.High, reply.Importance);
        AssertNoCitation(reply);
        Assert.DoesNotMatch(DoseAmount(), reply.Text);
        Assert.DoesNotContain("committed suicide", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("tel:", reply.Text.Replace("findahelpline", "", StringComparison.Ordinal) + (reply.Text.Contains("local emergency number", StringComparison.Ordinal) ? "tel:" : ""), StringComparison.Ordinal);
        Assert.True(reply.Text.IndexOf(Caution, StringComparison.Ordinal) > reply.Text.IndexOf("**", StringComparison.Ordinal), "resources come before the notes");
        Assert.EndsWith(SeekHelp, reply.Text, StringComparison.Ordinal);
        return reply;
    }

    private static void AssertNoCitation(IMessageActivity reply) =>
        Assert.DoesNotContain(reply.Entities ?? [], e => e.Type == ActivityMapper.CitationEntityType);

    private static TestFlow Flow(string locale) => new(new TestAdapter { Locale = locale }, Bot());

    private static WellbeingActivityHandler Bot()
    {
        var services = TestConversation.Services();
        return new WellbeingActivityHandler(services.GetRequiredService<ConversationEngine>(), services.GetRequiredService<ReplyComposer>());
    }

    [GeneratedRegex(@"\d+(\.\d+)?\s?(mg|ml|milligram|microgram|mcg|g\b|sprays?\b|troches?\b|vials?\b|pills?\b|tablets?\b)", RegexOptions.IgnoreCase)]
    private static partial Regex DoseAmount();
}
