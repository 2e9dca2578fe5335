using WellbeingBot.Safety;

namespace WellbeingBot.Tests.Safety;

/// <summary>The reviewed safety content as deployed beside the app, loaded once for the tests that only read it.</summary>
public static class TestSafety
{
    private static readonly Lazy<SafetyRules> SharedRules = new(() => SafetyRulesLoader.LoadFolder(Path.Combine(TestKnowledge.Folder, "safety")));

    public static SafetyRules Rules => SharedRules.Value;

    public static CrisisDetector Detector() => new(Rules);
}
