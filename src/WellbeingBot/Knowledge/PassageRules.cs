using System.Text.RegularExpressions;

namespace WellbeingBot.Knowledge;

/// <summary>
/// The editorial rules a passage must follow beyond its format: a listed topic, no amounts to take, and phrasings that belong
/// to one passage only (a phrasing listed twice makes the two passages tie for exactly the question it was written for).
/// </summary>
public static partial class PassageRules
{
    public static IEnumerable<KnowledgeProblem> Check(Passage passage, TopicCatalog topics)
    {
        if (!topics.Contains(passage.Topic))
        {
            yield return Problem(passage, "topic:", $"topic '{passage.Topic}' is not listed in {TopicCatalog.FileName}");
        }

        // Explaining how a course is organised is fine; an amount in a reply reads as an instruction to someone, so none at all.
        foreach (var text in (string[])[passage.Title, .. passage.Questions, passage.Body])
        {
            var amount = Amount().Match(text);
            if (amount.Success)
            {
                yield return Problem(passage, amount.Value, $"'{amount.Value}' states an amount; passages never give doses (explain how a course is organised instead)");
            }
        }
    }

    public static IEnumerable<KnowledgeProblem> CheckAcross(IReadOnlyList<Passage> passages)
    {
        foreach (var group in passages.GroupBy(p => p.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return Problem(group.Last(), "id:", $"id '{group.Key}' is used by more than one passage");
        }

        var owners = new Dictionary<string, Passage>(StringComparer.Ordinal);
        foreach (var passage in passages)
        {
            foreach (var phrasing in (string[])[passage.Title, .. passage.Questions])
            {
                var key = Normalise(phrasing);
                if (owners.TryGetValue(key, out var owner) && owner != passage)
                {
                    yield return Problem(passage, phrasing, $"the phrasing '{phrasing}' is also listed by '{owner.Id}'; keep it in the passage that answers it best");
                }
                else
                {
                    owners[key] = passage;
                }
            }
        }
    }

    private static string Normalise(string phrasing) => string.Join(' ', Words().Matches(phrasing.ToLowerInvariant()).Select(m => m.Value));

    private static KnowledgeProblem Problem(Passage passage, string needle, string message)
    {
        var lines = File.Exists(passage.SourceFile) ? File.ReadAllLines(passage.SourceFile) : [];
        var line = Array.FindIndex(lines, l => l.Contains(needle, StringComparison.Ordinal)) + 1;
        return new KnowledgeProblem(passage.SourceFile, Math.Max(1, line), message);
    }

    [GeneratedRegex(@"\b\d+([.,]\d+)?\s?(mg|milligrams?|mcg|micrograms?|ml|millilit(er|re)s?)\b|\bmg(/kg)?\b|\b\d+\s(sprays?|devices?|tablets?|lozenges?|troches?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
