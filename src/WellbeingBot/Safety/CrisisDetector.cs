using WellbeingBot.Knowledge;

namespace WellbeingBot.Safety;

/// <summary>
/// Checks a message for crisis with reviewed patterns only: deterministic, so every decision can be traced to a line of
/// <c>knowledge/safety/crisis-patterns.yaml</c>. It errs towards firing; a false alarm costs a kind message, a miss can cost a life.
/// </summary>
public sealed class CrisisDetector(SafetyRules rules)
{
    private const int FuzzyMinLength = 6;
    private const int WindowWords = 60;
    private const int WindowOverlap = 20;

    /// <param name="distressEarlier">Whether an earlier message of this conversation showed distress or crisis.</param>
    /// <param name="guardedEarlier">A crisis rule the previous message matched only in a guarded frame, if any.</param>
    public SafetyAssessment Assess(string text, bool distressEarlier, CrisisCategory? guardedEarlier = null)
    {
        var sentences = Prepare(text);
        // One pass over the rules: each either fires, or matched only where a guard held it back (kept for self-reference).
        var fired = new List<CrisisRule>();
        CrisisCategory? guarded = null;
        var screened = rules.Screens.Screen(sentences);
        for (var i = 0; screened.Count > 0 && i < rules.Rules.Count; i++)
        {
            var rule = rules.Rules[i];
            var outcome = Outcome(rule, i, screened);
            if (outcome == PatternOutcome.Fires)
            {
                fired.Add(rule);
            }
            else if (outcome == PatternOutcome.Guarded && (guarded is null || rule.Category < guarded))
            {
                guarded = rule.Category;
            }
        }

        var distress = rules.FirstMatch(rules.Distress, screened);
        var means = rules.FirstMatch(rules.Means, screened);
        var categories = fired.Select(r => r.Category).Distinct().Order().ToList();
        var ids = fired.Select(r => r.Pattern.Id).ToList();
        var language = fired.OrderBy(r => r.Category).Select(r => r.Pattern.Language).FirstOrDefault(IsLanguage);

        // A question about amounts or high places is a crisis when distress came before it, in this message or an earlier one.
        if (means is not null && (distress is not null || distressEarlier || categories.Count > 0) && !categories.Contains(CrisisCategory.Method))
        {
            categories.Add(CrisisCategory.Method);
            categories.Sort();
            ids.Add(means.Id);
            language ??= IsLanguage(means.Language) ? means.Language : distress?.Language;
        }

        // "does ketamine help people who want to die? asking for myself": a guarded mention plus a self-reference is a disclosure.
        var self = rules.FirstMatch(rules.SelfReference, screened);
        if (categories.Count == 0 && self is not null && (guarded ?? guardedEarlier) is { } disclosed)
        {
            categories.Add(disclosed);
            ids.Add(self.Id);
            language ??= IsLanguage(self.Language) ? self.Language : null;
        }

        var lookup = rules.FirstMatch(rules.Lookups, screened);
        var grounding = rules.FirstMatch(rules.Grounding, screened);
        language ??= new[] { lookup, distress, grounding }.Select(p => p?.Language).FirstOrDefault(IsLanguage);
        return new SafetyAssessment(
            categories,
            ids,
            language,
            distress is not null || categories.Count > 0,
            means is not null,
            categories.Count > 0 || rules.FirstMatch(rules.Topics, screened) is not null || means is not null,
            lookup is not null,
            grounding is not null,
            guarded);
    }

    /// <summary>Whether the message answers the check-in with "yes, I'm safe" (true), "no" (false), or neither (null).</summary>
    public bool? SafetyAnswer(string text)
    {
        var screened = rules.Screens.Screen(Prepare(text));
        return rules.FirstMatch(rules.NotSafe, screened) is not null ? false
            : rules.FirstMatch(rules.SafeNow, screened) is not null ? true
            : null;
    }

    // The strongest outcome of one rule over the sentences the screen let through for it.
    private PatternOutcome Outcome(CrisisRule rule, int index, IReadOnlyList<ScreenedSentence> screened)
    {
        var outcome = PatternOutcome.None;
        for (var s = 0; s < screened.Count; s++)
        {
            if (rules.RuleScreen.MayMatch(screened[s], index) && rule.Pattern.Evaluate(screened[s].Sentence) is var o && o > outcome)
            {
                outcome = o;
            }
        }

        return outcome;
    }

    /// <summary>The message as the patterns see it: sentences normalised, spellings corrected, harmless phrases masked.</summary>
    public IReadOnlyList<string> Prepare(string text) =>
        SafetyText.Sentences(text).Select(Canonical).Select(Mask).SelectMany(Windows).ToArray();

    // A run-on "sentence" of thousands of words is read in overlapping windows, so no pattern ever scans more than a window:
    // matching time stays small and linear in the message, and a phrase on a window edge is still whole in the next one.
    private static IEnumerable<string> Windows(string sentence)
    {
        var words = sentence.Split(' ');
        if (words.Length <= WindowWords)
        {
            yield return sentence;
            yield break;
        }

        for (var start = 0; start < words.Length - WindowOverlap; start += WindowWords - WindowOverlap)
        {
            yield return string.Join(' ', words.Skip(start).Take(WindowWords));
        }
    }

    private static bool IsLanguage(string? language) => language is "en" or "es" or "fr" or "de";

    private string Canonical(string sentence)
    {
        var words = sentence.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = CanonicalWord(words[i]);
        }

        return string.Join(' ', words);
    }

    private string CanonicalWord(string word)
    {
        if (rules.Spellings.TryGetValue(word, out var canonical))
        {
            return canonical;
        }

        // A word that is itself a key word stays as it is ("overdosed" must not become "overdose").
        if (word.Length < FuzzyMinLength || rules.FuzzyWords.Contains(word, StringComparer.Ordinal))
        {
            return word;
        }

        foreach (var key in rules.FuzzyWords)
        {
            if (key[0] == word[0] && Math.Abs(key.Length - word.Length) <= 1 && FuzzyVocabulary.Distance(word, key, 1) <= 1)
            {
                return key;
            }
        }

        return word;
    }

    private string Mask(string sentence)
    {
        var candidates = rules.Masks.Screen.Candidates(sentence);
        for (var i = 0; candidates is not null && i < rules.Masks.Count; i++)
        {
            if (candidates[i])
            {
                var masked = rules.Masks[i].Replace(sentence, " _ ");
                if (masked != sentence)
                {
                    // The blank can join words into a phrase a later mask knows, so the later ones are screened afresh.
                    sentence = masked;
                    candidates = rules.Masks.Screen.Candidates(sentence);
                }
            }
        }

        return string.Join(' ', sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
