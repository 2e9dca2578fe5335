using WellbeingBot.Knowledge;

namespace WellbeingBot.Bot;

/// <summary>Decides what to answer to one message. Knows nothing of Bot Framework, so the channel SDK stays a thin edge.</summary>
public sealed class ConversationEngine(AnswerFinder finder, ReplyComposer composer)
{
    public Task<IReadOnlyList<BotReply>> RespondAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = InputText.Clean(message.Text);
        BotReply reply;
        if (text.Length == 0)
        {
            reply = composer.UnreadableInput(message.HasAttachments);
        }
        else
        {
            reply = SmallTalk.Classify(text) switch
            {
                SmallTalkKind.Greeting => composer.Help(),
                SmallTalkKind.Thanks => composer.Acknowledgement(),
                _ => finder.Find(text) switch
                {
                    KnowledgeAnswer answer => composer.Answer(answer),
                    NoReliableAnswer none => composer.NoAnswer(none),
                    _ => throw new InvalidOperationException("unknown knowledge result"),
                },
            };
        }

        return Task.FromResult<IReadOnlyList<BotReply>>([reply]);
    }
}
