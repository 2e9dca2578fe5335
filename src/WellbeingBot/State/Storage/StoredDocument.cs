using Microsoft.Bot.Builder;

namespace WellbeingBot.State.Storage;

/// <summary>
/// How our own stores keep a value in <see cref="SqlStorage"/>: JSON written by a source-generated serializer, so what is
/// stored is exactly the record's fields, with the ETag that makes concurrent updates safe.
/// </summary>
public sealed class StoredDocument : IStoreItem
{
    public required string Json { get; set; }

    public string? ETag { get; set; }
}
