using WellbeingBot.Bot;

namespace WellbeingBot.Tests.Meditation;

/// <summary>A session guided in the chat: every step, pause and resume, stop, a restart in the middle, a crisis in the middle.</summary>
public sealed class GuidedSessionTests
{
    [Fact]
    public async Task A_new_user_who_cannot_sleep_picks_a_session_and_follows_it_to_the_end()
    {
        using var chat = new MeditationConversation();
        var choices = await chat.SayOne("I can't sleep");
        var session = chat.Catalog.Named(choices.Suggestions[0])!;

        var step = await chat.SayOne(choices.Suggestions[0]);
        for (var i = 0; i < session.Steps.Count; i++)
        {
            Assert.Equal(ReplyKind.Meditation, step.Kind);
            Assert.Equal($"Step {i + 1} of {session.Steps.Count} · about {Minutes(session.Steps[i].Seconds)}", step.Card!.Subtitle);
            Assert.Contains(session.Steps[i].Text, step.Card.Body, StringComparison.Ordinal);
            Assert.Contains(session.Steps[i].Text, step.Text, StringComparison.Ordinal);
            Assert.Contains(TestKnowledge.Base.Notes.SeekHelp, step.Text, StringComparison.Ordinal);
            step = await chat.Press(step, i == session.Steps.Count - 1 ? "Finish" : "Next");
        }

        Assert.Contains("You've finished", step.Text, StringComparison.Ordinal);
        Assert.Null(step.Card);
    }

    [Fact]
    public async Task Pause_and_resume_come_back_to_the_same_step_and_stop_ends_it_at_any_time()
    {
        using var chat = new MeditationConversation();
        await chat.Say("start box breathing");
        var second = await chat.SayOne("next");

        var paused = await chat.SayOne("pause");
        Assert.Contains("Paused at step 2", paused.Text, StringComparison.Ordinal);
        Assert.Equal(ReplyKind.Answer, (await chat.SayOne("is ketamine addictive?")).Kind);

        var resumed = await chat.Press(paused, "Resume");
        Assert.Equal(second.Card!.Body, resumed.Card!.Body);

        var stopped = await chat.SayOne("stop");
        Assert.Contains("completely fine", stopped.Text, StringComparison.Ordinal);
        Assert.Null(stopped.Card);
        Assert.NotEqual(ReplyKind.Meditation, (await chat.SayOne("next")).Kind);
    }

    [Fact]
    public async Task After_a_restart_the_cards_button_resumes_at_the_right_step()
    {
        using var chat = new MeditationConversation();
        await chat.Say("start body scan");
        await chat.Say("next");
        var third = await chat.SayOne("next");

        chat.Restart();
        var fourth = await chat.Press(third, "Next");

        Assert.StartsWith("Step 4 of", fourth.Card!.Subtitle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_restart_someone_who_keeps_progress_carries_on_by_typing_next()
    {
        using var chat = new MeditationConversation();
        await FinishOneMinuteBreathAsync(chat);
        await chat.Say("Yes, keep count");
        await chat.Say("start box breathing");
        await chat.Say("next");

        chat.Restart();
        chat.Conversation = "c2";
        var third = await chat.SayOne("next");

        Assert.StartsWith("Step 3 of", third.Card!.Subtitle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crisis_message_mid_session_gets_the_crisis_reply_and_pauses_the_session()
    {
        using var chat = new MeditationConversation();
        await chat.Say("start box breathing");
        var second = await chat.SayOne("next");

        var crisis = await chat.Say("I want to kill myself");

        Assert.Contains(crisis, r => r.Kind == ReplyKind.Crisis && r.Urgent);
        Assert.DoesNotContain(crisis, r => r.Kind == ReplyKind.Meditation);
        var afterwards = await chat.Say("next");
        Assert.DoesNotContain(afterwards, r => r.Card?.Subtitle?.StartsWith("Step 3", StringComparison.Ordinal) == true);
        var resumed = Assert.Single(await chat.Say("resume"), r => r.Kind == ReplyKind.Meditation);
        Assert.Equal(second.Card!.Body, resumed.Card!.Body);
    }

    /// <returns>The reply that ended the session.</returns>
    internal static async Task<BotReply> FinishOneMinuteBreathAsync(MeditationConversation chat)
    {
        var step = await chat.SayOne("start the one-minute breath");
        while (step.Card is not null)
        {
            step = await chat.SayOne("next");
        }

        return step;
    }

    private static string Minutes(int seconds) =>
        seconds < 60 ? $"{seconds} seconds" : seconds % 60 == 0 ? $"{seconds / 60} minute{(seconds == 60 ? "" : "s")}" : $"{seconds / 60.0:0.#} minutes";
}
