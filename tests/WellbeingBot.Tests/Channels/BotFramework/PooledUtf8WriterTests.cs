using System.Text;
using WellbeingBot.Channels.BotFramework;

namespace WellbeingBot.Tests.Channels.BotFramework;

/// <summary>The writer replies are serialised into: its bytes must be exactly the text's UTF-8, however it was written.</summary>
public sealed class PooledUtf8WriterTests
{
    [Fact]
    public void Text_written_in_any_pieces_comes_out_as_its_utf8()
    {
        var random = new Random(29);
        string[] pieces = ["{\"text\":\"", "Ketamine", " \u00e9t\u00e9 \u65e5\u672c", "\ud83c\udf3f", "\"}", new string('x', 5000), "\u2014"];
        for (var round = 0; round < 200; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
            using var writer = new PooledUtf8Writer();

            // Written in random slices, single characters included, so a surrogate pair is sometimes split between two writes.
            for (var at = 0; at < text.Length;)
            {
                var length = Math.Min(text.Length - at, random.Next(3) == 0 ? 1 : random.Next(1, 700));
                if (length == 1)
                {
                    writer.Write(text[at]);
                }
                else if (round % 2 == 0)
                {
                    writer.Write(text.AsSpan(at, length));
                }
                else
                {
                    writer.Write(text.ToCharArray(at, length), 0, length);
                }

                at += length;
            }

            writer.Flush();
            Assert.Equal(Encoding.UTF8.GetBytes(text), writer.Written.ToArray());
        }
    }

    [Fact]
    public void A_reply_serialised_through_it_reads_back_the_same()
    {
        var activity = Microsoft.Bot.Builder.MessageFactory.Text("Ketamine \u00e9t\u00e9 \ud83c\udf3f \"quoted\" \n line");
        using var writer = new PooledUtf8Writer();
        using (var json = new Newtonsoft.Json.JsonTextWriter(writer) { ArrayPool = JsonCharPool.Instance, CloseOutput = false })
        {
            Newtonsoft.Json.JsonSerializer.CreateDefault().Serialize(json, activity);
        }

        writer.Flush();
        var back = Newtonsoft.Json.JsonConvert.DeserializeObject<Microsoft.Bot.Schema.Activity>(Encoding.UTF8.GetString(writer.Written.Span));
        Assert.Equal(activity.Text, back!.Text);
    }
}
