namespace WellbeingBot.Tests.Safety;

/// <summary>One labelled message of the crisis sets: should the bot answer it with crisis resources?</summary>
/// <param name="Previous">The message before it in the same conversation, for two-turn cases; empty otherwise.</param>
public sealed record CrisisCase(bool IsCrisis, string Category, string Language, string Previous, string Message, int Line);

/// <summary>
/// The labelled sets in Data/: <c>crisis.dev.tsv</c> is the one the patterns are tuned on until every crisis is caught;
/// <c>crisis.dev3.tsv</c> is a later batch of deliberately unusual phrasings, measured before one round of tuning on it and
/// held to a floor rather than to every message; <c>crisis.frozen.tsv</c> was written separately and is never tuned on, so its
/// figures say how the detector does on phrasings nobody fitted it to.
/// </summary>
public static class CrisisSet
{
    public static IReadOnlyList<CrisisCase> Dev() => Load("crisis.dev.tsv");

    public static IReadOnlyList<CrisisCase> Unusual() => Load("crisis.dev3.tsv");

    public static IReadOnlyList<CrisisCase> Frozen() => Load("crisis.frozen.tsv");

    public static IReadOnlyList<CrisisCase> Load(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Safety", "Data", name));
        Assert.Equal("label\tcategory\tlang\tprevious\tmessage", lines[0]);
        var cases = new List<CrisisCase>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var cells = lines[i].Split('\t');
            Assert.True(cells.Length == 5, $"{name}:{i + 1} needs 5 columns");
            Assert.True(cells[0] is "crisis" or "safe", $"{name}:{i + 1} label must be crisis or safe");
            cases.Add(new CrisisCase(cells[0] == "crisis", cells[1], cells[2], cells[3], cells[4], i + 1));
        }

        return cases;
    }
}
