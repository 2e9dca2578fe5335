using System.Buffers;
using System.Text;

namespace WellbeingBot.Channels.BotFramework;

/// <summary>
/// A text writer that encodes straight into UTF-8 bytes in a buffer rented from the shared pool. A reply is serialised into
/// one before it is sent with its length; a stream writer over a memory stream allocated about 35 KB per reply (its char and
/// byte buffers, and the stream's doublings), a good part of the bot's garbage at thousands of turns a second.
/// </summary>
public sealed class PooledUtf8Writer : TextWriter
{
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(4096);
    private int _length;

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>What has been written so far, as UTF-8; valid until the writer is disposed.</summary>
    public ReadOnlyMemory<byte> Written => _bytes.AsMemory(0, _length);

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    // The encoder keeps half of a surrogate pair written on its own until the other half comes.
    public override void Write(ReadOnlySpan<char> buffer)
    {
        Reserve(_encoder.GetByteCount(buffer, flush: false));
        _length += _encoder.GetBytes(buffer, _bytes.AsSpan(_length), flush: false);
    }

    public override void Flush()
    {
        Reserve(_encoder.GetByteCount([], flush: true));
        _length += _encoder.GetBytes([], _bytes.AsSpan(_length), flush: true);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = [];
            _length = 0;
        }

        base.Dispose(disposing);
    }

    private void Reserve(int count)
    {
        if (_length + count <= _bytes.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, _length + count));
        _bytes.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = larger;
    }
}
