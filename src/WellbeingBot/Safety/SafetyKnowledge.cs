namespace WellbeingBot.Safety;

/// <summary>The reviewed safety content: detector patterns and crisis wording (<c>knowledge/safety/</c>) and helplines (<c>knowledge/crisis/</c>).</summary>
public sealed record SafetyKnowledge(SafetyRules Rules, CrisisDirectory Directory, CrisisTexts Texts)
{
    public static SafetyKnowledge Load(string knowledgeFolder)
    {
        var safety = Path.Combine(knowledgeFolder, "safety");
        return new SafetyKnowledge(
            SafetyRulesLoader.LoadFolder(safety),
            CrisisDirectoryLoader.LoadFolder(Path.Combine(knowledgeFolder, "crisis")),
            CrisisTexts.LoadFolder(safety));
    }
}
