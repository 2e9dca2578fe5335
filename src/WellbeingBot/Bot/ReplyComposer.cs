using System.Text;
using WellbeingBot.Knowledge;

namespace WellbeingBot.Bot;

/// <summary>
/// The one place replies are finished. Every reply to a message, answered or not, crisis or not, ends with the caution and
/// seek-help notes, verbatim; keeping that here means no path can forget them. Crisis replies are worded by
/// <see cref="Safety.CrisisComposer"/> and finished here.
/// </summary>
public sealed class ReplyComposer(Notes notes)
{
    private const int AbstractLength = 160;

    internal static readonly string[] StarterQuestions =
    [
        "What is ketamine?",
        "How does ketamine work on the brain?",
        "What are the common side effects?",
    ];

    /// <summary>The button that sends the whole passage after a short answer; <see cref="SmallTalk"/> recognises its text.</summary>
    public const string ShowFullAnswer = "Show the full answer";

    private const int MaxSuggestions = 4;

    /// <summary>The short answer: the passage's best sentences and its sources, offering the full text and a near alternative.</summary>
    public BotReply Answer(KnowledgeAnswer answer, string? helpLine = null)
    {
        var text = new StringBuilder().AppendJoin(' ', answer.Lead);
        if (answer.Alternative is { } alternative)
        {
            text.Append("\n\nIf you meant \u201c").Append(alternative.Title).Append("\u201d, choose it below.");
        }

        var suggestions = new List<string>();
        if (answer.HasMore)
        {
            suggestions.Add(ShowFullAnswer);
        }

        if (answer.Alternative is not null)
        {
            suggestions.Add(answer.Alternative.Title);
        }

        suggestions.AddRange(answer.Related.Select(p => p.Title));
        return Sourced(answer.Passage, text, answer.Lead[0], suggestions, helpLine);
    }

    /// <summary>The whole passage, when the short answer was not enough.</summary>
    public BotReply FullAnswer(Passage passage, IReadOnlyList<Passage> related, string? helpLine = null)
    {
        var text = new StringBuilder().AppendJoin("\n\n", passage.Paragraphs.Select(p => string.Join(' ', p)));
        return Sourced(passage, text, passage.Paragraphs[0][0], related.Select(p => p.Title).ToList(), helpLine);
    }

    public BotReply NothingToExpand() =>
        WithNotes(ReplyKind.Help, "There is no recent answer to say more about. Ask me a question about ketamine, esketamine (Spravato) or depression treatment.", StarterQuestions, []);

    private BotReply Sourced(Passage passage, StringBuilder text, string summary, List<string> suggestions, string? helpLine)
    {
        var citations = passage.Sources
            .Select((s, i) => new Citation(i + 1, s.Title, s.Url, Shorten(summary, AbstractLength)))
            .ToArray();
        text.Append("\n\nSources: ").AppendJoin("; ", citations.Select(c => $"[{c.Position}] {c.Name} ({c.Url})"));
        if (helpLine is not null)
        {
            text.Append("\n\n").Append(helpLine);
        }

        return WithNotes(ReplyKind.Answer, text.ToString(), suggestions.Distinct(StringComparer.Ordinal).Take(MaxSuggestions).ToArray(), citations);
    }

    public BotReply NoAnswer(NoReliableAnswer noAnswer, string? helpLine = null)
    {
        var text = noAnswer.Closest.Count > 0
            ? "I don't have a reliable answer to that in my knowledge base, and I would rather not guess. Did you mean one of these?"
            : "I don't have a reliable answer to that. I can only answer questions about ketamine, esketamine (Spravato) and depression "
              + "treatment, from reviewed sources. Here are some things I can help with.";
        var suggestions = noAnswer.Closest.Count > 0 ? noAnswer.Closest.Select(p => p.Title).ToArray() : StarterQuestions;
        return WithNotes(ReplyKind.NoAnswer, helpLine is null ? text : $"{text}\n\n{helpLine}", suggestions, []);
    }

    public BotReply UnreadableInput(bool hadAttachments)
    {
        var text = hadAttachments
            ? "I can only read text, so I can't open files or images. Please type your question about ketamine or depression treatment."
            : "I didn't receive any text. Please type your question about ketamine, esketamine or depression treatment.";
        return WithNotes(ReplyKind.UnreadableInput, text, StarterQuestions, []);
    }

    public BotReply Apology() =>
        new(ReplyKind.Apology, $"Sorry, something went wrong on my side and I couldn't answer that. Please try again in a moment.\n\n{notes.SeekHelp}", [], []);

    public BotReply Welcome() => new(ReplyKind.Welcome, notes.Welcome, StarterQuestions, []);

    /// <summary>The introduction, as a reply to a message ("hello", "who made you?"); like every reply, it ends with both notes.</summary>
    public BotReply Help() => WithNotes(ReplyKind.Help, notes.Welcome, StarterQuestions, []);

    public BotReply Acknowledgement() =>
        WithNotes(ReplyKind.Acknowledgement, "You're welcome. Ask me anything else about ketamine or depression treatment whenever you like.", StarterQuestions, []);

    /// <summary>In a channel, in place of a crisis reply that went to the person privately.</summary>
    public BotReply ReachedOutPrivately(string? name) =>
        WithNotes(ReplyKind.Acknowledgement, $"{(string.IsNullOrWhiteSpace(name) ? "I" : $"{name}, I")}'ve sent you a private message.", [], []);

    /// <summary>The caution and seek-help notes, for a card's small print.</summary>
    public string NotesText => $"{notes.Caution}\n\n{notes.SeekHelp}";

    /// <summary>Offers a meditation session as the last button of an answer, keeping the answer's most useful buttons before it.</summary>
    public static BotReply WithMeditation(BotReply reply, string offer) =>
        reply with { Suggestions = [.. reply.Suggestions.Where(s => s != offer).Take(MaxSuggestions - 1), offer] };

    /// <summary>Ends a reply written elsewhere (the crisis path) with both notes; only a crisis reply is ever urgent.</summary>
    public BotReply Finish(ReplyKind kind, string text, IReadOnlyList<string> suggestions, bool urgent = false) =>
        new(kind, $"{text}\n\n{notes.Caution}\n\n{notes.SeekHelp}", suggestions, [], urgent && kind == ReplyKind.Crisis);

    private BotReply WithNotes(ReplyKind kind, string text, IReadOnlyList<string> suggestions, IReadOnlyList<Citation> citations) =>
        new(kind, $"{text}\n\n{notes.Caution}\n\n{notes.SeekHelp}", suggestions, citations);

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
