using System.Buffers;
using Newtonsoft.Json;

namespace WellbeingBot.Channels.BotFramework;

/// <summary>Newtonsoft's internal char buffers (for escaping, and for reading) from the shared pool rather than fresh.</summary>
public sealed class JsonCharPool : IArrayPool<char>
{
    public static readonly JsonCharPool Instance = new();

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }
}
