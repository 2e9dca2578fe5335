using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace WellbeingBot.Knowledge;

/// <summary>
/// What every reviewed YAML file under <c>knowledge/</c> needs alike: read it or say it is missing, parse it with unknown keys
/// rejected, find the line a problem is on, and read its dates.
/// </summary>
public sealed class ReviewedYaml
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private readonly string[] lines;

    private ReviewedYaml(string file, string[] lines)
    {
        File = file;
        this.lines = lines;
    }

    public string File { get; }

    /// <summary>The file's text; a missing file is an error, because every one of these files is required.</summary>
    public static string Read(string folder, string fileName, string what)
    {
        var file = Path.Combine(folder, fileName);
        return System.IO.File.Exists(file)
            ? System.IO.File.ReadAllText(file)
            : throw new KnowledgeFormatException(file, 0, $"{what} are required and the file is missing");
    }

    /// <summary>Parses the text into <typeparamref name="T"/>; a YAML error or an unknown key names its line.</summary>
    public static (T Value, ReviewedYaml Source) Parse<T>(string file, string text)
        where T : class, new()
    {
        try
        {
            var value = Yaml.Deserialize<T?>(text) ?? new T();
            return (value, new ReviewedYaml(file, text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')));
        }
        catch (YamlException e)
        {
            throw new KnowledgeFormatException(file, (int)e.Start.Line, $"invalid YAML: {e.InnerException?.Message ?? e.Message}");
        }
    }

    public static DateOnly? Date(string? raw) =>
        DateOnly.TryParseExact(raw?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The first line holding the text, so an error points a reviewer at it; line 1 when it is not found.</summary>
    public int LineOf(string needle) => Math.Max(1, Array.FindIndex(lines, l => l.Contains(needle, StringComparison.Ordinal)) + 1);

    public KnowledgeFormatException Error(string needle, string problem) => new(File, LineOf(needle), problem);

    /// <summary>The file's <c>reviewed</c> date, required as yyyy-mm-dd.</summary>
    public DateOnly Reviewed(string? raw) =>
        Date(raw) ?? throw Error("reviewed:", "reviewed must be the date of the last review, as yyyy-mm-dd");
}
