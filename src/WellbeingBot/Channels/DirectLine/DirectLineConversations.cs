using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace WellbeingBot.Channels.DirectLine;

/// <param name="Value">The bearer token the page sends.</param>
/// <param name="ExpiresIn">Seconds until it expires, as Direct Line reports it.</param>
public sealed record DirectLineToken(string Value, string ConversationId, int ExpiresIn);

/// <summary>
/// The self-hosted Direct Line's conversations and tokens, in memory. A token is random, belongs to one conversation, expires,
/// and is checked on every call; a conversation idle longer than <see cref="DirectLineOptions.IdleTimeout"/> is dropped with
/// its tokens.
/// </summary>
public sealed class DirectLineConversations(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly DirectLineOptions options = options.Value;
    private readonly ConcurrentDictionary<string, DirectLineConversation> conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string ConversationId, DateTimeOffset Expires)> tokens = new(StringComparer.Ordinal);

    public int Count => conversations.Count;

    /// <summary>A new conversation and its first token; the conversation starts when the page first calls Direct Line with it.</summary>
    public DirectLineToken Create()
    {
        Sweep();
        var conversation = new DirectLineConversation(NewSecret(16), time.GetUtcNow());
        conversations[conversation.Id] = conversation;
        return Issue(conversation.Id);
    }

    /// <summary>The conversation a bearer token belongs to, or null when the token is unknown or expired.</summary>
    public DirectLineConversation? Authenticate(string? authorization)
    {
        const string Bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorization[Bearer.Length..].Trim();
        if (!tokens.TryGetValue(token, out var entry) || entry.Expires <= time.GetUtcNow())
        {
            tokens.TryRemove(token, out _);
            return null;
        }

        if (!conversations.TryGetValue(entry.ConversationId, out var conversation))
        {
            return null;
        }

        conversation.Touch(time.GetUtcNow());
        return conversation;
    }

    public DirectLineConversation? Find(string id) => conversations.GetValueOrDefault(id);

    /// <summary>A fresh token for the conversation; the old one is revoked so a leaked token stops working.</summary>
    public DirectLineToken Refresh(string oldAuthorization, DirectLineConversation conversation)
    {
        tokens.TryRemove(oldAuthorization["Bearer ".Length..].Trim(), out _);
        return Issue(conversation.Id);
    }

    /// <summary>Drops conversations idle too long, then the longest idle beyond the size limit, with their tokens.</summary>
    public void Sweep()
    {
        var now = time.GetUtcNow();
        var stale = conversations.Values.Where(c => now - c.LastUsed > options.IdleTimeout).Select(c => c.Id).ToList();
        var excess = conversations.Count - stale.Count - options.MaxConversations + 1;
        if (excess > 0)
        {
            stale.AddRange(conversations.Values.Where(c => !stale.Contains(c.Id)).OrderBy(c => c.LastUsed).Take(excess).Select(c => c.Id));
        }

        foreach (var id in stale)
        {
            conversations.TryRemove(id, out _);
        }

        foreach (var (token, entry) in tokens)
        {
            if (entry.Expires <= now || !conversations.ContainsKey(entry.ConversationId))
            {
                tokens.TryRemove(token, out _);
            }
        }
    }

    private DirectLineToken Issue(string conversationId)
    {
        var token = NewSecret(32);
        tokens[token] = (conversationId, time.GetUtcNow() + options.TokenLifetime);
        return new DirectLineToken(token, conversationId, (int)options.TokenLifetime.TotalSeconds);
    }

    private static string NewSecret(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
