using System.Text.RegularExpressions;
using WellbeingBot.Knowledge;

namespace WellbeingBot.Safety;

/// <summary>
/// Reads <c>crisis-patterns.yaml</c> and refuses it unless every pattern compiles and fires on each of its own examples and on
/// none of its counter-examples: a reviewer's edit that breaks a rule stops the start instead of silently missing a crisis.
/// </summary>
public static partial class SafetyRulesLoader
{
    public const string FileName = "crisis-patterns.yaml";

    private static readonly string[] Languages = ["en", "es", "fr", "de", "any"];
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    public static SafetyRules LoadFolder(string folder) =>
        Parse(Path.Combine(folder, FileName), ReviewedYaml.Read(folder, FileName, "the crisis patterns"));

    public static SafetyRules Parse(string file, string text)
    {
        var (raw, source) = ReviewedYaml.Parse<PatternsFile>(file, text);
        var context = new Context(source, raw.Words ?? []);
        var reviewed = source.Reviewed(raw.Reviewed);

        var spellings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (word, variants) in raw.Spellings ?? [])
        {
            foreach (var variant in variants ?? [])
            {
                var key = SafetyText.Normalize(variant ?? "");
                if (key.Length == 0 || key.Contains(' ', StringComparison.Ordinal) || (spellings.TryGetValue(key, out var other) && other != word))
                {
                    throw new KnowledgeFormatException(file, context.LineOf(variant ?? word), $"spelling '{variant}' must be one word, mapped to one word only");
                }

                spellings[key] = word;
            }
        }

        var fuzzy = (raw.Fuzzy ?? []).Select(w => SafetyText.Normalize(w ?? "")).Where(w => w.Length > 0).ToArray();
        var masks = context.Compile(raw.Masks, "masks");
        var rules = (raw.Rules ?? []).Select(r => new CrisisRule(
            context.Compile(r, "rules"),
            CrisisCategories.TryParse(r?.Category, out var category)
                ? category
                : throw new KnowledgeFormatException(file, context.LineOf($"id: {r?.Id}"), $"rule '{r?.Id}' has an unknown category '{r?.Category}'")))
            .ToArray();

        var set = new SafetyRules(
            reviewed,
            spellings,
            fuzzy,
            masks,
            rules,
            context.Compile(raw.Distress, "distress"),
            context.Compile(raw.Means, "means"),
            context.Compile(raw.Topics, "topics"),
            context.Compile(raw.Lookups, "lookups"),
            context.Compile(raw.Grounding, "grounding"),
            context.Compile(raw.SafeNow, "safe_now"),
            context.Compile(raw.NotSafe, "not_safe"),
            context.Compile(raw.SelfReference, "self_reference"));
        if (rules.Length == 0)
        {
            throw new KnowledgeFormatException(file, 1, "there are no crisis rules");
        }

        context.CheckExamples(set, raw);
        return set;
    }

    [GeneratedRegex(@"\{([a-z0-9_]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    private sealed class Context(ReviewedYaml source, Dictionary<string, List<string?>?> words)
    {
        private readonly HashSet<string> ids = new(StringComparer.Ordinal);
        private readonly string file = source.File;

        public int LineOf(string needle) => source.LineOf(needle);

        public PatternSection Compile(List<PatternEntry?>? entries, string section) =>
            new((entries ?? []).Select(e => Compile(e, section)).ToArray());

        public SafetyPattern Compile(PatternEntry? entry, string section)
        {
            if (entry?.Id is null || !IdPattern().IsMatch(entry.Id))
            {
                throw new KnowledgeFormatException(file, LineOf(section + ":"), $"every entry under '{section}' needs an id of lower-case words joined by hyphens");
            }

            var line = LineOf($"id: {entry.Id}");
            if (!ids.Add(entry.Id))
            {
                throw new KnowledgeFormatException(file, line, $"id '{entry.Id}' is used twice");
            }

            if (!Languages.Contains(entry.Language, StringComparer.Ordinal))
            {
                throw new KnowledgeFormatException(file, line, $"'{entry.Id}' needs a language: one of {string.Join(", ", Languages)}");
            }

            if ((entry.Examples ?? []).Count == 0)
            {
                throw new KnowledgeFormatException(file, line, $"'{entry.Id}' needs at least one example it must match");
            }

            return new SafetyPattern(
                entry.Id,
                entry.Language!,
                Build(entry.Pattern, entry.Id, line),
                (entry.Unless ?? []).SelectMany(u => Build(u, entry.Id, line)).ToArray());
        }

        // Every broken example is reported at once, so a reviewer fixes a batch of edits in one pass.
        public void CheckExamples(SafetyRules set, PatternsFile raw)
        {
            var problems = new List<(int Line, string Problem)>();
            var detector = new CrisisDetector(set);
            foreach (var entry in new[] { raw.Rules, raw.Distress, raw.Means, raw.Topics, raw.Lookups, raw.Grounding, raw.SafeNow, raw.NotSafe }
                .SelectMany(list => list ?? []))
            {
                // Through the screen, as the detector sees it: a screen that wrongly rules a pattern out fails here, at start.
                var matches = ScreenedMatch(set, entry!.Id!);
                foreach (var example in entry.Examples ?? [])
                {
                    if (!detector.Prepare(example ?? "").Any(matches))
                    {
                        problems.Add((LineOf(example ?? entry.Id!), $"'{entry.Id}' does not match its own example '{example}'"));
                    }
                }

                foreach (var counter in entry.Not ?? [])
                {
                    if (detector.Prepare(counter ?? "").Any(matches))
                    {
                        problems.Add((LineOf(counter ?? entry.Id!), $"'{entry.Id}' matches '{counter}', listed under not"));
                    }
                }
            }

            foreach (var entry in raw.Masks ?? [])
            {
                var mask = set.Masks.First(m => m.Id == entry!.Id);
                foreach (var example in entry!.Examples ?? [])
                {
                    var before = SafetyText.Sentences(example ?? "");
                    if (!before.Any(mask.MatchesIgnoringGuards))
                    {
                        problems.Add((LineOf(example ?? entry.Id!), $"mask '{entry.Id}' does not match its own example '{example}'"));
                    }
                }
            }

            if (problems.Count > 0)
            {
                var first = problems[0].Line;
                var all = string.Join("; ", problems.Select(p => $"line {p.Line}: {p.Problem}"));
                throw new KnowledgeFormatException(file, first, $"{problems.Count} pattern example(s) fail: {all}");
            }
        }

        private static Func<string, bool> ScreenedMatch(SafetyRules set, string id)
        {
            var rule = set.Rules.Select(r => r.Pattern).ToList().FindIndex(p => p.Id == id);
            if (rule >= 0)
            {
                return s => set.RuleScreen.Candidates(s)?[rule] == true && set.Rules[rule].Pattern.Matches(s);
            }

            var section = new[] { set.Distress, set.Means, set.Topics, set.Lookups, set.Grounding, set.SafeNow, set.NotSafe, set.SelfReference }
                .First(section => section.Any(p => p.Id == id));
            var index = section.ToList().FindIndex(p => p.Id == id);
            var screen = set.ScreenOf(section);
            return s => screen.Candidates(s)?[index] == true && section[index].Matches(s);
        }

        private Regex[] Build(string? pattern, string id, int line)
        {
            if (string.IsNullOrWhiteSpace(pattern))
            {
                throw new KnowledgeFormatException(file, line, $"'{id}' has an empty pattern");
            }

            foreach (var alternative in TopLevelAlternatives(pattern))
            {
                if (EndsWithSpacedOptionalGroup(alternative))
                {
                    throw new KnowledgeFormatException(file, line,
                        $"'{id}': '{alternative[^Math.Min(40, alternative.Length)..]}' ends with a space before an optional group, so it needs text after it; put the space inside: (?: word)?");
                }
            }

            var expanded = Placeholder().Replace(pattern, m => Expand(m.Groups[1].Value, id, line));
            try
            {
                return TopLevelAlternatives(expanded).Select(Compile).ToArray();
            }
            catch (ArgumentException e)
            {
                throw new KnowledgeFormatException(file, line, $"'{id}' has an invalid pattern: {e.Message}");
            }
        }

        // The ordinary engine, interpreted: hundreds of patterns load in a fraction of a second. Matching stays fast because the
        // detector never gives a pattern more than a window of words, and the timeout is a last resort that fails towards care.
        private static Regex Compile(string alternative) =>
            new($@"\b(?:{alternative})\b", RegexOptions.CultureInvariant, MatchTimeout);

        // "word (?:a|b)?" at the very end silently requires a space after "word": a subtle way for a rule to miss.
        private static bool EndsWithSpacedOptionalGroup(string alternative)
        {
            if (!alternative.EndsWith(")?", StringComparison.Ordinal))
            {
                return false;
            }

            var depth = 0;
            for (var i = alternative.Length - 2; i >= 0; i--)
            {
                if (i > 0 && alternative[i - 1] == '\\')
                {
                    continue;
                }

                depth += alternative[i] switch { ')' => 1, '(' => -1, _ => 0 };
                if (depth == 0)
                {
                    return i > 0 && alternative[i - 1] == ' ';
                }
            }

            return false;
        }

        private static IEnumerable<string> TopLevelAlternatives(string pattern)
        {
            var depth = 0;
            var start = 0;
            var inClass = false;
            for (var i = 0; i < pattern.Length; i++)
            {
                switch (pattern[i])
                {
                    case '\\':
                        i++;
                        break;
                    case '[':
                        inClass = true;
                        break;
                    case ']':
                        inClass = false;
                        break;
                    case '(' when !inClass:
                        depth++;
                        break;
                    case ')' when !inClass:
                        depth--;
                        break;
                    case '|' when depth == 0 && !inClass:
                        yield return pattern[start..i];
                        start = i + 1;
                        break;
                }
            }

            yield return pattern[start..];
        }

        // {w1}..{w9}: up to that many words of any kind; {name}: any phrase of the word list of that name.
        private string Expand(string name, string id, int line)
        {
            if (name.Length == 2 && name[0] == 'w' && name[1] is >= '1' and <= '9')
            {
                return $"(?:[a-z0-9]+ ){{0,{name[1]}}}";
            }

            if (!words.TryGetValue(name, out var list) || list is null || list.Count == 0)
            {
                throw new KnowledgeFormatException(file, line, $"'{id}' uses {{{name}}}, which is not a word list");
            }

            var phrases = list.Select(w => SafetyText.Normalize(w ?? "")).Where(w => w.Length > 0)
                .Distinct(StringComparer.Ordinal).OrderByDescending(w => w.Length).Select(Regex.Escape);
            return $"(?:{string.Join('|', phrases)})";
        }
    }

    // Mutable shapes only for YamlDotNet, which rejects unknown keys, so a misspelt 'examples' cannot pass unnoticed.
    private sealed class PatternsFile
    {
        public string? Reviewed { get; set; }
        public Dictionary<string, List<string?>?>? Spellings { get; set; }
        public List<string?>? Fuzzy { get; set; }
        public Dictionary<string, List<string?>?>? Words { get; set; }
        public List<PatternEntry?>? Masks { get; set; }
        public List<PatternEntry?>? Rules { get; set; }
        public List<PatternEntry?>? Distress { get; set; }
        public List<PatternEntry?>? Means { get; set; }
        public List<PatternEntry?>? Topics { get; set; }
        public List<PatternEntry?>? Lookups { get; set; }
        public List<PatternEntry?>? Grounding { get; set; }
        public List<PatternEntry?>? SafeNow { get; set; }
        public List<PatternEntry?>? NotSafe { get; set; }
        public List<PatternEntry?>? SelfReference { get; set; }
    }

    private sealed class PatternEntry
    {
        public string? Id { get; set; }
        public string? Category { get; set; }
        public string? Language { get; set; }
        public string? Pattern { get; set; }
        public List<string?>? Unless { get; set; }
        public List<string?>? Examples { get; set; }
        public List<string?>? Not { get; set; }
    }
}
