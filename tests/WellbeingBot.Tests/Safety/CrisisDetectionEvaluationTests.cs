using WellbeingBot.Safety;
using Xunit.Abstractions;

namespace WellbeingBot.Tests.Safety;

/// <summary>
/// The detector on the labelled sets. The development set is held to every message: 100% recall, at most 3% false alarms.
/// The frozen set is never tuned on; it measures phrasings nobody fitted the patterns to, so its bar is a guard against
/// regressions set below what it measured (README, "How well it does"), not a target.
/// </summary>
public sealed class CrisisDetectionEvaluationTests(ITestOutputHelper output)
{
    // Set below the figure measured after its tuning round (README, "How well it does").
    private const double UnusualRecallFloor = 0.95;

    [Fact]
    public void Development_set_every_crisis_is_caught_and_few_false_alarms()
    {
        var metrics = DetectionMetrics.Run(new CrisisDetector(TestConversation.Safety.Rules), CrisisSet.Dev());
        var report = metrics.Report("development set", listMistakes: true);
        output.WriteLine(report);
        Write("crisis-detection-dev.txt", report);
        Assert.True(metrics.Recall == 1.0, report);
        Assert.True(metrics.FalsePositiveRate <= 0.03, report);
    }

    [Fact]
    public void Unusual_phrasings_batch_stays_above_its_floor()
    {
        var metrics = DetectionMetrics.Run(new CrisisDetector(TestConversation.Safety.Rules), CrisisSet.Unusual());
        var report = metrics.Report("unusual phrasings (dev batch 3)", listMistakes: true);
        output.WriteLine(report);
        Write("crisis-detection-unusual.txt", report);
        Assert.True(metrics.Recall >= UnusualRecallFloor, report);
        Assert.True(metrics.FalsePositiveRate <= 0.03, report);
    }

    [Fact]
    public void Frozen_set_holds_up_on_unseen_phrasings()
    {
        var metrics = DetectionMetrics.Run(new CrisisDetector(TestConversation.Safety.Rules), CrisisSet.Frozen());

        // Only figures are printed for the frozen set: listing its messages would invite tuning on them.
        var report = metrics.Report("frozen set", listMistakes: false);
        output.WriteLine(report);
        Write("crisis-detection-frozen.txt", report);
        Assert.True(metrics.Recall >= 0.80, report);
        Assert.True(metrics.FalsePositiveRate <= 0.03, report);
    }

    [Fact]
    public void Sets_are_large_enough_and_cover_every_category()
    {
        var dev = CrisisSet.Dev();
        Assert.True(dev.Count(c => c.IsCrisis) >= 250);
        Assert.True(dev.Count(c => !c.IsCrisis) >= 250);
        string[] crisisCategories =
        [
            "suicidal-direct", "suicidal-passive", "indirect", "coded", "farewell", "self-harm", "method", "method-after-distress",
            "harm-others", "abuse", "medical-emergency", "third-party",
        ];
        foreach (var set in new[] { dev, CrisisSet.Unusual(), CrisisSet.Frozen() })
        {
            foreach (var category in crisisCategories)
            {
                Assert.Contains(set, c => c.IsCrisis && c.Category == category);
            }

            foreach (var language in new[] { "en", "es", "fr", "de" })
            {
                Assert.Contains(set, c => c.IsCrisis && c.Language == language);
                Assert.Contains(set, c => !c.IsCrisis && c.Language == language);
            }

            Assert.Contains(set, c => c.IsCrisis && c.Previous.Length > 0);
            Assert.Contains(set, c => !c.IsCrisis && c.Previous.Length > 0);
        }
    }

    private static void Write(string name, string report)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name), report);
    }
}
