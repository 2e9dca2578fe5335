using WellbeingBot.Knowledge;
using WellbeingBot.Safety;
using WellbeingBot.State;

namespace WellbeingBot.Bot;

/// <summary>Decides what to answer to one message. Knows nothing of Bot Framework, so the channel SDK stays a thin edge.</summary>
public sealed class ConversationEngine(AnswerFinder finder, ReplyComposer composer, SafetyGate safety, ConversationMemoryStore memories)
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
        var checkedMessage = CheckSafety(text, message);
        if (checkedMessage.Final)
        {
            return Task.FromResult(checkedMessage.Replies);
        }

        var reply = SmallTalk.Classify(text) switch
        {
            SmallTalkKind.Greeting => composer.Help(),
            SmallTalkKind.Thanks => composer.Acknowledgement(),
            _ => finder.Find(text) switch
            {
                KnowledgeAnswer answer => composer.Answer(answer, checkedMessage.HelpLine),
                NoReliableAnswer none => composer.NoAnswer(none, checkedMessage.HelpLine),
                _ => throw new InvalidOperationException("unknown knowledge result"),
            },
        };
        return Task.FromResult<IReadOnlyList<BotReply>>([.. checkedMessage.Replies, reply]);
    }

    private SafetyOutcome CheckSafety(string text, IncomingMessage message)
    {
        var outcome = safety.Check(text, message, memories.Get(message.ConversationId));
        memories.Set(message.ConversationId, outcome.Memory);
        return outcome;
    }
}
