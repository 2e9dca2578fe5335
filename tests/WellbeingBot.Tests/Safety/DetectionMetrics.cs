using System.Globalization;
using System.Text;
using WellbeingBot.Safety;

namespace WellbeingBot.Tests.Safety;

/// <summary>Runs a labelled set through the detector the way a conversation would, and counts per category.</summary>
public sealed class DetectionMetrics
{
    private DetectionMetrics(IReadOnlyList<(CrisisCase Case, bool Fired, SafetyAssessment Assessment)> results) => Results = results;

    public IReadOnlyList<(CrisisCase Case, bool Fired, SafetyAssessment Assessment)> Results { get; }

    public IEnumerable<CrisisCase> Misses => Results.Where(r => r.Case.IsCrisis && !r.Fired).Select(r => r.Case);

    public IEnumerable<CrisisCase> FalseAlarms => Results.Where(r => !r.Case.IsCrisis && r.Fired).Select(r => r.Case);

    public double Recall => Rate(Results.Where(r => r.Case.IsCrisis), r => r.Fired);

    public double FalsePositiveRate => Rate(Results.Where(r => !r.Case.IsCrisis), r => r.Fired);

    public static DetectionMetrics Run(CrisisDetector detector, IEnumerable<CrisisCase> cases) =>
        new(cases.Select(c =>
        {
            // A two-turn case: the first message is assessed on its own, and what it showed is remembered for the second.
            var previous = c.Previous.Length > 0 ? detector.Assess(c.Previous, false) : null;
            var assessment = detector.Assess(c.Message, previous?.Distress ?? false, previous?.Guarded);
            return (c, assessment.IsCrisis, assessment);
        }).ToArray());

    public string Report(string title, bool listMistakes)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{title}: recall {Recall:P1}, false positives {FalsePositiveRate:P1}");
        foreach (var group in Results.GroupBy(r => (r.Case.IsCrisis, r.Case.Category)).OrderBy(g => !g.Key.IsCrisis).ThenBy(g => g.Key.Category, StringComparer.Ordinal))
        {
            var fired = group.Count(r => r.Fired);
            var figure = group.Key.IsCrisis ? $"recall {fired}/{group.Count()}" : $"false positives {fired}/{group.Count()}";
            report.AppendLine(CultureInfo.InvariantCulture, $"  {(group.Key.IsCrisis ? "crisis" : "safe"),-6} {group.Key.Category,-24} {figure}");
        }

        foreach (var language in Results.GroupBy(r => r.Case.Language).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var crisis = language.Where(r => r.Case.IsCrisis).ToArray();
            var safe = language.Where(r => !r.Case.IsCrisis).ToArray();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"  lang {language.Key}: recall {crisis.Count(r => r.Fired)}/{crisis.Length}, false positives {safe.Count(r => r.Fired)}/{safe.Length}");
        }

        if (listMistakes)
        {
            foreach (var miss in Misses)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  MISS  line {miss.Line} [{miss.Category}] {miss.Previous} || {miss.Message}");
            }

            foreach (var r in Results.Where(r => !r.Case.IsCrisis && r.Fired))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  FALSE line {r.Case.Line} [{r.Case.Category}] {r.Case.Message} <- {string.Join(",", r.Assessment.RuleIds)}");
            }
        }

        return report.ToString();
    }

    private static double Rate<T>(IEnumerable<T> items, Func<T, bool> predicate)
    {
        var list = items.ToList();
        return list.Count == 0 ? 0 : (double)list.Count(predicate) / list.Count;
    }
}
