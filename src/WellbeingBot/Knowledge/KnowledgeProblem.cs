namespace WellbeingBot.Knowledge;

/// <summary>One thing wrong with a knowledge file, pointing a reviewer at the line to fix.</summary>
public sealed record KnowledgeProblem(string File, int Line, string Message)
{
    public static KnowledgeProblem From(KnowledgeFormatException e) => new(e.File, e.Line, e.Problem.Length > 0 ? e.Problem : e.Message);

    public override string ToString() => $"{File}:{Line}: {Message}";
}
