using System.Security.Cryptography;
using System.Text;

namespace WellbeingBot.State;

/// <summary>
/// A person as storage, logs and metrics know them: a hash of the channel and the channel's user id, never the id itself.
/// The same person on the same channel always gets the same key.
/// </summary>
public readonly record struct UserKey
{
    private const int Length = 32;

    private UserKey(string value) => Value = value;

    public string Value { get; }

    /// <param name="channelUser">The channel and its user id ("msteams:29:1a…"); null or empty when the channel sent none.</param>
    public static UserKey? From(string? channelUser)
    {
        if (string.IsNullOrWhiteSpace(channelUser))
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"wellbeingbot-user:{channelUser}"));
        return new UserKey(Convert.ToHexStringLower(hash)[..Length]);
    }

    /// <summary>A key read back from storage, where it was written by <see cref="From"/>.</summary>
    public static UserKey Parse(string stored) =>
        stored.Length == Length && stored.All(char.IsAsciiHexDigitLower) ? new UserKey(stored) : throw new FormatException("not a stored user key");

    public override string ToString() => Value;
}
