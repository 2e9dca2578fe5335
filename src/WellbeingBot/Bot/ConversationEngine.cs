using Microsoft.Extensions.Options;
using WellbeingBot.Knowledge;
using WellbeingBot.Safety;
using WellbeingBot.State;

namespace WellbeingBot.Bot;

/// <summary>Decides what to answer to one message. Knows nothing of Bot Framework, so the channel SDK stays a thin edge.</summary>
public sealed class ConversationEngine(
    AnswerFinder finder,
    ReplyComposer composer,
    SafetyGate safety,
    ConversationMemoryStore memories,
    UnansweredQuestions unanswered,
    TimeProvider time,
    IOptions<KnowledgeOptions> options)
{
    public Task<IReadOnlyList<BotReply>> RespondAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = InputText.Clean(message.Text);
        if (text.Length == 0)
        {
            return Task.FromResult<IReadOnlyList<BotReply>>([composer.UnreadableInput(message.HasAttachments)]);
        }

        // The safety check comes before anything else, on every message, in every state of the conversation.
        var checkedMessage = safety.Check(text, message, memories.Get(message.ConversationId));
        if (checkedMessage.Final)
        {
            memories.Set(message.ConversationId, checkedMessage.Memory);
            return Task.FromResult(checkedMessage.Replies);
        }

        var (reply, memory) = Answer(text, checkedMessage);
        memories.Set(message.ConversationId, memory);
        return Task.FromResult<IReadOnlyList<BotReply>>([.. checkedMessage.Replies, reply]);
    }

    private (BotReply Reply, ConversationMemory Memory) Answer(string text, SafetyOutcome checkedMessage)
    {
        var memory = checkedMessage.Memory;
        if (memory.ForgetRequested)
        {
            // "forget me" asked once for confirmation; anything but a yes or a no is an ordinary message and keeps everything.
            switch (PrivacyCommands.Confirmation(text))
            {
                case true:
                    return (composer.Forgotten(), ConversationMemory.Empty);
                case false:
                    return (composer.ForgetCancelled(), memory with { ForgetRequested = false });
                default:
                    memory = memory with { ForgetRequested = false };
                    break;
            }
        }

        var last = memory.LastAnswer is { } l && time.GetUtcNow() - l.At <= options.Value.FollowUpWindow ? l : null;
        switch (SmallTalk.Classify(text))
        {
            case SmallTalkKind.Privacy:
                return (composer.Privacy(), memory);
            case SmallTalkKind.WhatDoYouKnow:
                return (composer.WhatIKnow(PrivacyCommands.Facts(memory, id => finder.Passage(id)?.Title)), memory);
            case SmallTalkKind.ForgetMe:
                return (composer.ConfirmForget(), memory with { ForgetRequested = true });
            case SmallTalkKind.Greeting:
                return (composer.Help(), memory);
            case SmallTalkKind.Thanks:
                return (composer.Acknowledgement(), memory);
            case SmallTalkKind.More:
                return last is not null && finder.Passage(last.PassageId) is { } passage
                    ? (composer.FullAnswer(passage, finder.Related(passage), checkedMessage.HelpLine), memory)
                    : (composer.NothingToExpand(), memory);
        }

        switch (finder.Find(text, last?.Subject))
        {
            case KnowledgeAnswer answer:
                var remembered = new LastAnswer(answer.Passage.Id, answer.Subject ?? last?.Subject, time.GetUtcNow());
                return (composer.Answer(answer, checkedMessage.HelpLine), memory with { LastAnswer = remembered });
            case NoReliableAnswer none:
                // Words from someone who showed distress are never written down, even when the operator keeps question text.
                unanswered.Record(none, text, mayKeepText: checkedMessage.HelpLine is null && !memory.DistressShown);
                return (composer.NoAnswer(none, checkedMessage.HelpLine), memory);
            default:
                throw new InvalidOperationException("unknown knowledge result");
        }
    }
}
