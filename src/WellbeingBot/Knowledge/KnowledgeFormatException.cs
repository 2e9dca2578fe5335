namespace WellbeingBot.Knowledge;

/// <summary>A knowledge file that cannot be trusted; the message names the file and line so a reviewer can fix it.</summary>
public sealed class KnowledgeFormatException : Exception
{
    public KnowledgeFormatException(string file, int line, string problem)
        : base($"{file}:{line}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    public KnowledgeFormatException()
    {
        File = "";
    }

    public KnowledgeFormatException(string message) : base(message)
    {
        File = "";
    }

    public KnowledgeFormatException(string message, Exception innerException) : base(message, innerException)
    {
        File = "";
    }

    public string File { get; }

    public int Line { get; }

    /// <summary>What is wrong, without the file and line.</summary>
    public string Problem { get; } = "";
}
