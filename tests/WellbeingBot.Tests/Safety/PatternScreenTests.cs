using System.Text;
using System.Text.RegularExpressions;
using WellbeingBot.Safety;

namespace WellbeingBot.Tests.Safety;

/// <summary>
/// The screen may only skip work: a pattern that matches a sentence must never be ruled out for it. Checked on the shipped
/// patterns over every labelled message, the knowledge passages and seeded variations of them, and on random patterns.
/// </summary>
public sealed class PatternScreenTests
{
    [Fact]
    public void No_shipped_pattern_is_ruled_out_for_a_sentence_it_matches()
    {
        var rules = TestConversation.Safety.Rules;
        var detector = new CrisisDetector(rules);
        // The masks have a screen of their own; the other sections share one table, each through its own view.
        var sections = new[] { rules.Distress, rules.Means, rules.Topics, rules.Lookups, rules.Grounding, rules.SafeNow, rules.NotSafe, rules.SelfReference }
            .Select(s => (Screen: rules.ScreenOf(s), Patterns: (IReadOnlyList<SafetyPattern>)s))
            .Append((rules.Masks.Screen, rules.Masks))
            .Append((rules.RuleScreen, rules.Rules.Select(r => r.Pattern).ToArray()))
            .ToArray();

        var checkedMatches = 0;
        foreach (var sentence in Corpus().SelectMany(m => detector.Prepare(m).Concat(SafetyText.Sentences(m))).Distinct())
        {
            foreach (var (screen, patterns) in sections)
            {
                var candidates = screen.Candidates(sentence);
                for (var i = 0; i < patterns.Count; i++)
                {
                    if (patterns[i].MatchesIgnoringGuards(sentence))
                    {
                        checkedMatches++;
                        Assert.True(candidates?[i] == true, $"'{patterns[i].Id}' matches '{sentence}' but the screen ruled it out");
                    }
                }
            }
        }

        // Thousands of real matches, so the check above is not vacuous.
        Assert.True(checkedMatches > 2000, $"only {checkedMatches} matches were checked");
    }

    [Fact]
    public void Every_shipped_pattern_is_screened_and_a_plain_question_reaches_no_rule()
    {
        var rules = TestConversation.Safety.Rules;
        Assert.Equal(rules.Rules.Count, rules.RuleScreen.Screened);
        Assert.Null(rules.RuleScreen.Candidates("how long does the effect of a ketamine infusion last and does insurance cover it"));
        Assert.NotNull(rules.RuleScreen.Candidates("i want to kill myself"));
    }

    [Fact]
    public void A_pattern_the_screen_cannot_read_is_always_run_and_the_others_only_when_their_text_is_there()
    {
        var lookAround = new SafetyPattern("look-around", "en", [new Regex("(?<=i )want to go")], []);
        var plain = new SafetyPattern("plain", "en", [new Regex("end it all"), new Regex("(?:kill|hurt) myself")], []);
        var screen = PatternScreen.For([lookAround, plain]);

        Assert.Equal(1, screen.Screened);
        Assert.Equal([true, false], screen.Candidates("what is the weather like")!);
        Assert.Equal([true, true], screen.Candidates("sometimes i want to hurt myself")!);
        Assert.Null(PatternScreen.For([plain]).Candidates("what is the weather like"));
        Assert.Null(PatternScreen.For([]).Candidates("anything"));
    }

    [Fact]
    public void Sections_screened_in_one_table_each_get_what_a_screen_of_their_own_gives()
    {
        IReadOnlyList<SafetyPattern> first = [
            new SafetyPattern("first-a", "en", [new Regex("end it all"), new Regex("(?:kill|hurt) myself")], []),
            new SafetyPattern("first-b", "en", [new Regex("no reason to live")], [])];
        IReadOnlyList<SafetyPattern> second = [
            new SafetyPattern("second-a", "en", [new Regex("hurt myself")], []),
            new SafetyPattern("second-b", "en", [new Regex("how many (?:pills|tablets)")], [])];
        var table = ScreenTable.For([first, second]);
        string[] sentences = ["what is the weather like", "sometimes i want to hurt myself", "i see no reason to live", "how many pills are in a pack", "kill myself"];

        foreach (var sentence in sentences)
        {
            Assert.Equal(PatternScreen.For(first).Candidates(sentence), table.Sections[0].Candidates(sentence));
            Assert.Equal(PatternScreen.For(second).Candidates(sentence), table.Sections[1].Candidates(sentence));
        }

        var screened = table.Screen(sentences);
        Assert.Equal(sentences[1..], screened.Select(s => s.Sentence));
        var hurt = screened.Single(s => s.Sentence == sentences[1]);
        Assert.True(table.Sections[0].MayMatch(hurt, 0) && table.Sections[1].MayMatch(hurt, 0));
        Assert.False(table.Sections[0].MayMatch(hurt, 1) || table.Sections[1].MayMatch(hurt, 1));
        Assert.Empty(table.Screen(["what is the weather like", "hello"]));
    }

    [Theory]
    [InlineData("(?:want|wanna) to die", "want|wanna", " to die")]
    [InlineData(@"\b(?:kill(?:ing)? myself)\b", " myself", "kill")]
    [InlineData("diee?", "die")]
    [InlineData("ba+d", "b", "a", "d")]
    [InlineData("(?:[a-z0-9]+ ){0,3}overdose", "overdose")]
    [InlineData("end (?:it|my life)|suicide", "end |suicide")]
    public void Clauses_hold_what_every_match_must_contain(string pattern, params string[] clauses)
    {
        var found = PatternLiterals.Required(pattern).Select(c => string.Join('|', c)).Order().ToArray();
        Assert.Equal(clauses.Order().ToArray(), found);
    }

    [Theory]
    [InlineData("(?=die)die")]
    [InlineData(@"\u0064ie")]
    [InlineData("(?i)die")]
    [InlineData("a{x}")]
    [InlineData("(?:die")]
    [InlineData("(?:die|)")]
    [InlineData("[a-z]+")]
    public void A_pattern_it_cannot_read_or_that_promises_nothing_gets_no_clause(string pattern) =>
        Assert.Empty(PatternLiterals.Required(pattern));

    [Fact]
    public void On_random_patterns_every_match_meets_every_clause()
    {
        var random = new Random(20261128);
        var checkedMatches = 0;
        for (var p = 0; p < 3000; p++)
        {
            var pattern = RandomPattern(random, depth: 0);
            // Random nested loops can make backtracking exponential; this engine decides the same "is there a match?" in linear time.
            var regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            var clauses = PatternLiterals.Required(pattern);
            for (var s = 0; s < 60; s++)
            {
                var text = new string(Enumerable.Range(0, random.Next(1, 14)).Select(_ => "abc d"[random.Next(5)]).ToArray());
                if (regex.IsMatch(text))
                {
                    checkedMatches++;
                    Assert.All(clauses, c => Assert.True(c.Any(l => text.Contains(l, StringComparison.Ordinal)),
                        $"'{pattern}' matches '{text}', which holds none of [{string.Join(", ", c)}]"));
                }
            }
        }

        Assert.True(checkedMatches > 10_000, $"only {checkedMatches} matches were checked");
    }

    // Labelled messages (crisis and safe, in four languages) and the knowledge passages, each also in seeded variations with a
    // word dropped, doubled or swapped, so partial and near-miss phrasings are covered too.
    private static IEnumerable<string> Corpus()
    {
        var random = new Random(7);
        var messages = CrisisSet.Dev().Concat(CrisisSet.Unusual()).Concat(CrisisSet.Frozen())
            .SelectMany(c => new[] { c.Message, c.Previous })
            .Concat(Directory.GetFiles(Path.Combine(TestKnowledge.Folder, "passages"), "*.md").Select(File.ReadAllText))
            .Where(m => m.Length > 0)
            .ToArray();
        foreach (var message in messages)
        {
            yield return message;
            var words = message.Split(' ');
            for (var variation = 0; variation < 3 && words.Length > 2; variation++)
            {
                var copy = words.ToList();
                var at = random.Next(copy.Count - 1);
                switch (variation)
                {
                    case 0:
                        copy.RemoveAt(at);
                        break;
                    case 1:
                        copy.Insert(at, copy[at]);
                        break;
                    default:
                        (copy[at], copy[at + 1]) = (copy[at + 1], copy[at]);
                        break;
                }

                yield return string.Join(' ', copy);
            }
        }
    }

    // Patterns of the subset the file uses, over a tiny alphabet so random texts often match.
    private static string RandomPattern(Random random, int depth)
    {
        var pattern = new StringBuilder();
        var items = random.Next(1, 5);
        for (var i = 0; i < items; i++)
        {
            var atom = random.Next(depth < 2 ? 9 : 6) switch
            {
                0 or 1 or 2 => "abc d"[random.Next(5)].ToString(),
                3 => "[ab]",
                4 => @"\b",
                5 => "ab",
                _ => $"(?:{string.Join('|', Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomPattern(random, depth + 1)))})",
            };
            var quantifier = random.Next(8) switch
            {
                0 => "?",
                1 => "*",
                2 => "+",
                3 => "{0,2}",
                4 => "{1,2}",
                5 => "??",
                _ => "",
            };
            pattern.Append(atom == @"\b" ? atom : atom + quantifier);
        }

        return pattern.ToString();
    }
}
