using Microsoft.Extensions.DependencyInjection;
using WellbeingBot.Meditation;
using WellbeingBot.State;
using WellbeingBot.State.Storage;

namespace WellbeingBot.Tests.Meditation;

/// <summary>Progress is counted only with consent, shown on request, and never punishes a missed day.</summary>
public sealed class ProgressTests
{
    [Fact]
    public async Task Finishing_a_session_asks_once_before_counting_and_a_no_stores_nothing()
    {
        using var chat = new MeditationConversation();
        var ask = await GuidedSessionTests.FinishOneMinuteBreathAsync(chat);

        Assert.Equal([MeditationReplies.CountYes, MeditationReplies.CountNo], ask.Suggestions);

        Assert.Contains("won't keep count", (await chat.SayOne(MeditationReplies.CountNo)).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("keep count", (await GuidedSessionTests.FinishOneMinuteBreathAsync(chat)).Text, StringComparison.Ordinal);
        Assert.Empty(await chat.Services.GetRequiredService<SqlStorage>().ListAsync(UserDataStore.UsersPrefix, CancellationToken.None));
        Assert.Contains("not keeping count", (await chat.SayOne("my progress")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_consent_sessions_minutes_and_days_add_up_and_a_missed_week_resets_nothing()
    {
        using var chat = new MeditationConversation();
        await GuidedSessionTests.FinishOneMinuteBreathAsync(chat);
        Assert.Contains("1 session, 1 minute in all, on 1 day", (await chat.SayOne("yes")).Text, StringComparison.Ordinal);

        chat.Time.Advance(TimeSpan.FromDays(9));
        chat.Conversation = "c2";
        var first = await chat.SayOne("start box breathing");
        Assert.Contains("Welcome back", first.Card!.Body, StringComparison.Ordinal);
        var step = first;
        while (step.Card is not null)
        {
            step = await chat.SayOne("next");
        }

        Assert.Contains("2 sessions, 4 minutes in all, on 2 days", step.Text, StringComparison.Ordinal);
        var progress = await chat.SayOne("my progress");
        Assert.Contains("2 sessions, 4 minutes in all, on 2 days", progress.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch("(?i)streak|missed|broke|lost", progress.Text + step.Text + first.Text);
    }

    [Fact]
    public async Task What_do_you_know_lists_the_count_and_forget_me_deletes_it()
    {
        using var chat = new MeditationConversation();
        await GuidedSessionTests.FinishOneMinuteBreathAsync(chat);
        await chat.Say("yes");

        Assert.Contains("your meditation count: 1 sessions, 1 minutes", (await chat.SayOne("what do you know about me")).Text, StringComparison.Ordinal);
        await chat.Say("forget me");
        await chat.Say("yes");

        Assert.Contains("not keeping count", (await chat.SayOne("my progress")).Text, StringComparison.Ordinal);
    }
}
