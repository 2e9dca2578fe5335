using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace WellbeingBot.State;

/// <summary>
/// Keeps <see cref="ConversationMemory"/> in process memory, never on disk: the crisis path must work without consent to store
/// anything. A conversation quiet for longer than <see cref="ConversationMemoryOptions.IdleTimeout"/> is forgotten, and the number
/// of conversations held is bounded so memory cannot grow without limit.
/// </summary>
public sealed class ConversationMemoryStore(TimeProvider time, IOptions<ConversationMemoryOptions> options)
{
    private readonly ConcurrentDictionary<string, (ConversationMemory Memory, DateTimeOffset Touched)> conversations = new(StringComparer.Ordinal);

    public int Count => conversations.Count;

    public ConversationMemory Get(string? conversationId)
    {
        if (conversationId is null || !conversations.TryGetValue(conversationId, out var entry))
        {
            return ConversationMemory.Empty;
        }

        if (time.GetUtcNow() - entry.Touched > options.Value.IdleTimeout)
        {
            conversations.TryRemove(conversationId, out _);
            return ConversationMemory.Empty;
        }

        return entry.Memory;
    }

    public void Set(string? conversationId, ConversationMemory memory)
    {
        if (conversationId is null)
        {
            return;
        }

        if (memory == ConversationMemory.Empty)
        {
            conversations.TryRemove(conversationId, out _);
            return;
        }

        var now = time.GetUtcNow();
        conversations[conversationId] = (memory, now);
        if (conversations.Count > options.Value.MaxConversations)
        {
            Prune(now);
        }
    }

    // Expired conversations go first; if that is not enough, the longest quiet ones.
    private void Prune(DateTimeOffset now)
    {
        foreach (var (id, entry) in conversations)
        {
            if (now - entry.Touched > options.Value.IdleTimeout)
            {
                conversations.TryRemove(id, out _);
            }
        }

        var excess = conversations.Count - options.Value.MaxConversations;
        if (excess > 0)
        {
            foreach (var id in conversations.OrderBy(c => c.Value.Touched).Take(excess).Select(c => c.Key).ToArray())
            {
                conversations.TryRemove(id, out _);
            }
        }
    }
}
